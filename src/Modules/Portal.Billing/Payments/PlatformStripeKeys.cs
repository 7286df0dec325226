using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace Portal.Billing.Payments;

/// <summary>
/// The platform's Stripe keys set in the host admin, laid over configuration (<c>Portal:Payments:Stripe</c>):
/// a key set in the host admin wins, a key not set there comes from configuration, and the embedded
/// emulator (demo, tests) wins over both. Whoever loads the stored keys calls <see cref="Apply"/>; the change
/// token makes <see cref="IOptionsMonitor{StripeOptions}"/> (and so <see cref="StripeGateway"/>) see the new
/// keys at once, without a restart.
/// </summary>
public sealed class PlatformStripeKeys : IPostConfigureOptions<StripeOptions>, IOptionsChangeTokenSource<StripeOptions>, IDisposable
{
    private StripeKeyValues _current = StripeKeyValues.None;
    private CancellationTokenSource _changed = new();

    public string? Name => Options.DefaultName;

    public StripeKeyValues Current => Volatile.Read(ref _current);

    public void Apply(StripeKeyValues values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (Interlocked.Exchange(ref _current, values) == values)
        {
            return;
        }

        var previous = Interlocked.Exchange(ref _changed, new CancellationTokenSource());
        previous.Cancel();
    }

    public void Dispose() => _changed.Dispose();

    public IChangeToken GetChangeToken() => new CancellationChangeToken(Volatile.Read(ref _changed).Token);

    public void PostConfigure(string? name, StripeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Emulator.Enabled)
        {
            return;
        }

        var current = Current;
        options.SecretKey = current.SecretKey ?? options.SecretKey;
        options.PublishableKey = current.PublishableKey ?? options.PublishableKey;
        options.WebhookSecret = current.WebhookSecret ?? options.WebhookSecret;
    }
}
