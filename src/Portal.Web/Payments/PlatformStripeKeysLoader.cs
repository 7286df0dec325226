using Portal.Core;

namespace Portal.Web.Payments;

/// <summary>
/// Puts the host admin's Stripe keys in force at start, and again whenever another server saved them (its
/// trail of changes grew: a cheap count every few seconds, since platform keys change rarely and need no push).
/// </summary>
public sealed class PlatformStripeKeysLoader(IServiceScopeFactory scopes, ILogger<PlatformStripeKeysLoader> logger) : BackgroundService, IPortalStartupTask
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);
    private long _loaded = -1;

    public int Order => 0;

    public Task RunAsync(CancellationToken cancellationToken) => LoadIfChangedAsync(cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await LoadIfChangedAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "The platform's Stripe keys could not be reloaded; the keys in force stay");
            }
        }
    }

    private async Task LoadIfChangedAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<PlatformStripeKeyStore>();
        var version = await store.ChangeCountAsync(cancellationToken);
        if (version == Interlocked.Read(ref _loaded))
        {
            return;
        }

        await store.ApplyAsync(cancellationToken);
        Interlocked.Exchange(ref _loaded, version);
    }
}
