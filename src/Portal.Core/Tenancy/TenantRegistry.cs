using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Portal.Core.Data;

namespace Portal.Core.Tenancy;

/// <summary>
/// The in-memory copy of the practice registry that every request resolves against. Reloaded after a
/// local change, when another server signals one, and by polling as a fallback.
/// </summary>
public sealed class TenantRegistry(IDbContextFactory<HostDbContext> hostDb, ILogger<TenantRegistry> logger) : IDisposable
{
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
            _snapshot = new TenantRegistrySnapshot(records.Select(r => r.ToDescriptor()).ToArray(), stamp, records.Count);
            logger.LogDebug("Practice registry loaded: {Count} practices", records.Count);
        }
        finally
        {
            _reloadLock.Release();
        }
    }

    public void Dispose() => _reloadLock.Dispose();

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
