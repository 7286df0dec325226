using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Portal.Core.Data;

namespace Portal.Core.Tenancy;

/// <summary>
/// The in-memory copy of the practice registry that every request resolves against. Reloaded after a
/// local change, when another server signals one, and by polling as a fallback.
/// </summary>
public sealed class TenantRegistry(IDbContextFactory<HostDbContext> hostDb, ILogger<TenantRegistry> logger) : IHostChangeFeed, IDisposable
{
    /// <summary>The PostgreSQL channel <see cref="TenantStore"/> notifies after every change.</summary>
    public const string ChangeChannel = "portal_tenants";

    private readonly SemaphoreSlim _reloadLock = new(1, 1);
    private volatile TenantRegistrySnapshot _snapshot = TenantRegistrySnapshot.Empty;

    public TenantRegistrySnapshot Current => _snapshot;

    public TenantDescriptor? Find(string name) => _snapshot.ByName.GetValueOrDefault(name);

    public IEnumerable<TenantDescriptor> Running => _snapshot.ByName.Values.Where(t => t.State == TenantState.Running);

    public async Task ReloadAsync(CancellationToken cancellationToken = default)
    {
        await _reloadLock.WaitAsync(cancellationToken);
        try
        {
            await using var db = await hostDb.CreateDbContextAsync(cancellationToken);
            var records = await db.Tenants.AsNoTracking().Include(t => t.HostNames).ToListAsync(cancellationToken);
            var stamp = records.Count == 0 ? DateTime.MinValue : records.Max(r => r.UpdatedAt);

            // A practice whose row did not change keeps its descriptor, and with it every cache keyed
            // on it (its shared DbContext options): a change to one practice, or a server hearing of
            // its own change again, does not rebuild them for all.
            var previous = _snapshot.ByName;
            var descriptors = records
                .Select(r => previous.GetValueOrDefault(r.Name) is { } known && known.Id == r.Id && known.Version == r.Version ? known : r.ToDescriptor())
                .ToArray();
            _snapshot = new TenantRegistrySnapshot(descriptors, stamp, records.Count);
            logger.LogDebug("Practice registry loaded: {Count} practices", records.Count);
        }
        finally
        {
            _reloadLock.Release();
        }
    }

    public void Dispose() => _reloadLock.Dispose();

    string IHostChangeFeed.Channel => ChangeChannel;

    Task IHostChangeFeed.OnNotifiedAsync(string payload, CancellationToken cancellationToken) => ReloadAsync(cancellationToken);

    async Task IHostChangeFeed.RefreshIfStaleAsync(CancellationToken cancellationToken)
    {
        if (await IsStaleAsync(cancellationToken))
        {
            await ReloadAsync(cancellationToken);
        }
    }

    /// <summary>Cheap check used by the poller: has any row changed since the snapshot?</summary>
    public async Task<bool> IsStaleAsync(CancellationToken cancellationToken)
    {
        await using var db = await hostDb.CreateDbContextAsync(cancellationToken);
        var count = await db.Tenants.CountAsync(cancellationToken);
        if (count != _snapshot.Count)
        {
            return true;
        }

        if (count == 0)
        {
            return false;
        }

        var newest = await db.Tenants.MaxAsync(t => t.UpdatedAt, cancellationToken);
        return newest != _snapshot.Stamp;
    }
}
