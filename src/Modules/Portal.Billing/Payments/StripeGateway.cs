using Microsoft.Extensions.Options;
using Stripe;

namespace Portal.Billing.Payments;

/// <summary>
/// The one place that builds Stripe.net's client from <see cref="StripeOptions"/>. Every POST goes out with
/// an Idempotency-Key the caller derives from what it does (<see cref="StripeIdempotencyKeys"/>), so
/// Stripe.net's own retries and a person's repeated click reuse it instead of doing the thing twice.
/// </summary>
public sealed class StripeGateway : IDisposable
{
    private readonly StripeOptions? _fixed;
    private readonly IOptionsMonitor<StripeOptions>? _monitor;
    private readonly Lock _gate = new();
    private readonly List<HttpClient> _retired = [];
    private (StripeOptions Source, HttpClient Http, StripeClient Client)? _client;

    public StripeGateway(IOptions<StripeOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _fixed = options.Value;
    }

    /// <summary>Follows the options as they change (keys set in the host admin: <see cref="PlatformStripeKeys"/>); the client is rebuilt on the next call after a change.</summary>
    public StripeGateway(IOptionsMonitor<StripeOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _monitor = options;
    }

    /// <summary>The options in force now (the webhook receiver reads <see cref="StripeOptions.WebhookSecret"/> here, so a new secret applies at once).</summary>
    public StripeOptions CurrentOptions => _monitor?.CurrentValue ?? _fixed!;

    /// <summary>False without a secret key: payments are unavailable and pages say so.</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(CurrentOptions.SecretKey);

    /// <summary>Test mode: a test key, or the built-in emulator; pages show "Test mode".</summary>
    public bool TestMode => CurrentOptions.Emulator.Enabled || (CurrentOptions.SecretKey?.StartsWith("sk_test_", StringComparison.Ordinal) ?? false);

    public string ConnectCountry => CurrentOptions.ConnectCountry;

    /// <summary>Where Checkout's hosted page is served: Stripe's, or the emulator's (an ApiBase is only set for it).</summary>
    public string CheckoutOrigin => Uri.TryCreate(CurrentOptions.ApiBase, UriKind.Absolute, out var api)
        ? api.GetLeftPart(UriPartial.Authority)
        : "https://checkout.stripe.com";

    /// <summary>Talking to the built-in emulator on this machine (test keys on a loopback address), never to Stripe.</summary>
    public bool OnEmulator => CurrentOptions.SecretKey?.StartsWith("sk_test_", StringComparison.Ordinal) == true
        && Uri.TryCreate(CurrentOptions.ApiBase, UriKind.Absolute, out var api) && api.IsLoopback;

    /// <summary>Stripe.net's client; only when <see cref="IsConfigured"/>.</summary>
    public StripeClient Client => IsConfigured ? Current().Client : throw new InvalidOperationException("Stripe is not configured (Portal:Payments:Stripe:SecretKey).");

    /// <summary>Options for a POST: the idempotency key, and the practice's connected account when the call is made on it.</summary>
    public static RequestOptions Post(string idempotencyKey, string? connectedAccount = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(idempotencyKey);
        return new RequestOptions { IdempotencyKey = idempotencyKey, StripeAccount = connectedAccount };
    }

    /// <summary>Options for a read on a practice's connected account (Stripe-Account header).</summary>
    public static RequestOptions On(string connectedAccount) => new() { StripeAccount = connectedAccount };

    public void Dispose()
    {
        lock (_gate)
        {
            _client?.Http.Dispose();
            _retired.ForEach(http => http.Dispose());
            _retired.Clear();
        }
    }

    private (StripeOptions Source, HttpClient Http, StripeClient Client) Current()
    {
        var options = CurrentOptions;
        lock (_gate)
        {
            if (_client is { } built && ReferenceEquals(built.Source, options))
            {
                return built;
            }

            // Calls in flight may still use the old client: its HttpClient is disposed with the gateway, not now.
            if (_client is { } old)
            {
                _retired.Add(old.Http);
            }

            var (http, client) = Build(options);
            _client = (options, http, client);
            return _client.Value;
        }
    }

    private static (HttpClient, StripeClient) Build(StripeOptions source)
    {
        var http = new HttpClient { Timeout = source.Timeout };
        var options = new StripeClientOptions
        {
            ApiKey = source.SecretKey,
            HttpClient = new SystemNetHttpClient(http, source.MaxNetworkRetries, null, false),
        };
        if (!string.IsNullOrWhiteSpace(source.ApiBase))
        {
            options.ApiBase = source.ApiBase.TrimEnd('/');
        }

        return (http, new StripeClient(options));
    }
}
