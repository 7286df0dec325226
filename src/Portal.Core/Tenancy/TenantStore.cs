using Microsoft.EntityFrameworkCore;
using Portal.Core.Data;
using Portal.Core.Navigation;

namespace Portal.Core.Tenancy;

/// <summary>
/// Every change to the practice registry goes through here: it bumps the practice's version (which
/// invalidates every per-practice cache), reloads this server's copy and signals the others.
/// </summary>
public sealed class TenantStore(
    IDbContextFactory<HostDbContext> hostDb,
    TenantRegistry registry,
    HostChangeSignal signal,
    TimeProvider clock)
{
    public async Task<TenantRecord?> FindAsync(string name, CancellationToken cancellationToken)
    {
        await using var db = await hostDb.CreateDbContextAsync(cancellationToken);
        return await db.Tenants.AsNoTracking().Include(t => t.HostNames).SingleOrDefaultAsync(t => t.Name == name, cancellationToken);
    }

    /// <summary>The names of practices whose recorded schema stamp is not <paramref name="stamp"/>.</summary>
    public async Task<HashSet<string>> NamesWithStaleSchemaAsync(string stamp, CancellationToken cancellationToken)
    {
        await using var db = await hostDb.CreateDbContextAsync(cancellationToken);
        var names = await db.Tenants.Where(t => t.SchemaStamp == null || t.SchemaStamp != stamp).Select(t => t.Name).ToListAsync(cancellationToken);
        return names.ToHashSet(StringComparer.Ordinal);
    }

    public async Task<ListPage<TenantRecord>> ListAsync(string? search, int page, int pageSize, CancellationToken cancellationToken)
    {
        await using var db = await hostDb.CreateDbContextAsync(cancellationToken);
        var query = db.Tenants.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(search))
        {
            var term = search.Trim().ToLowerInvariant();
            query = query.Where(t => t.Name.Contains(term) || t.DisplayName.ToLower().Contains(term) || t.AdminEmail.ToLower().Contains(term));
        }

        var total = await query.CountAsync(cancellationToken);
        var rows = await query.OrderBy(t => t.Name).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return new ListPage<TenantRecord>(rows, total, page, pageSize);
    }

    /// <summary>Inserts a new practice; false when the name is taken (the unique index decides races).</summary>
    public async Task<bool> TryCreateAsync(TenantRecord record, CancellationToken cancellationToken)
    {
        await using var db = await hostDb.CreateDbContextAsync(cancellationToken);
        if (await db.Tenants.AnyAsync(t => t.Name == record.Name, cancellationToken))
        {
            return false;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        record.CreatedAt = now;
        record.UpdatedAt = now;
        record.Version = 1;
        db.Tenants.Add(record);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            if (await NameTakenAsync(record.Name, cancellationToken))
            {
                return false;
            }

            throw;
        }

        await ChangedAsync(cancellationToken);
        return true;
    }

    public Task SetStateAsync(string name, TenantState state, CancellationToken cancellationToken)
        => UpdateAsync(name, t => t.State = state, cancellationToken);

    public Task SetEnabledFeaturesAsync(string name, IEnumerable<string> features, CancellationToken cancellationToken)
        => UpdateAsync(name, t => t.SetEnabledFeatures(features), cancellationToken);

    public Task SetDisplayNameAsync(string name, string displayName, CancellationToken cancellationToken)
        => UpdateAsync(name, t => t.DisplayName = displayName, cancellationToken);

    public Task SetSchemaStampAsync(string name, string stamp, CancellationToken cancellationToken)
        => UpdateAsync(name, t => t.SchemaStamp = stamp, cancellationToken);

    /// <summary>Bumps the version only: caches keyed by it (role permissions) start afresh everywhere. Settings have versions of their own.</summary>
    public Task TouchAsync(string name, CancellationToken cancellationToken)
        => UpdateAsync(name, _ => { }, cancellationToken);

    public async Task<HostNameResult> AddHostNameAsync(string name, string hostName, CancellationToken cancellationToken)
    {
        var normalized = hostName.Trim().TrimEnd('.').ToLowerInvariant();
        var error = HostNameRules.Validate(normalized);
        if (error is not null)
        {
            return HostNameResult.Invalid(error);
        }

        await using var db = await hostDb.CreateDbContextAsync(cancellationToken);
        if (await db.TenantHostNames.AnyAsync(h => h.HostName == normalized, cancellationToken))
        {
            return HostNameResult.Invalid($"{normalized} already serves a practice.");
        }

        var tenant = await db.Tenants.SingleOrDefaultAsync(t => t.Name == name, cancellationToken);
        if (tenant is null)
        {
            return HostNameResult.Invalid("The practice no longer exists.");
        }

        db.TenantHostNames.Add(new TenantHostName { Id = Guid.CreateVersion7(), TenantId = tenant.Id, HostName = normalized });
        Bump(tenant);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return HostNameResult.Invalid($"{normalized} already serves a practice.");
        }

        await ChangedAsync(cancellationToken);
        return HostNameResult.Added(normalized);
    }

    public async Task RemoveHostNameAsync(string name, string hostName, CancellationToken cancellationToken)
    {
        await using var db = await hostDb.CreateDbContextAsync(cancellationToken);
        var tenant = await db.Tenants.Include(t => t.HostNames).SingleOrDefaultAsync(t => t.Name == name, cancellationToken);
        var entry = tenant?.HostNames.SingleOrDefault(h => h.HostName == hostName);
        if (tenant is null || entry is null)
        {
            return;
        }

        db.TenantHostNames.Remove(entry);
        Bump(tenant);
        await db.SaveChangesAsync(cancellationToken);
        await ChangedAsync(cancellationToken);
    }

    public async Task DeleteAsync(string name, CancellationToken cancellationToken)
    {
        await using var db = await hostDb.CreateDbContextAsync(cancellationToken);
        await db.Tenants.Where(t => t.Name == name).ExecuteDeleteAsync(cancellationToken);
        await ChangedAsync(cancellationToken);
    }

    private async Task UpdateAsync(string name, Action<TenantRecord> change, CancellationToken cancellationToken)
    {
        // Version is a concurrency token: two servers changing one practice at once retry rather
        // than overwrite each other.
        for (var attempt = 0; ; attempt++)
        {
            await using var db = await hostDb.CreateDbContextAsync(cancellationToken);
            var tenant = await db.Tenants.SingleOrDefaultAsync(t => t.Name == name, cancellationToken)
                ?? throw new InvalidOperationException($"Practice '{name}' does not exist.");
            change(tenant);
            Bump(tenant);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                break;
            }
            catch (DbUpdateConcurrencyException) when (attempt < 5)
            {
            }
        }

        await ChangedAsync(cancellationToken);
    }

    private void Bump(TenantRecord tenant)
    {
        tenant.Version++;
        var now = clock.GetUtcNow().UtcDateTime;
        // Strictly increasing so the poller's "newest UpdatedAt" always moves.
        tenant.UpdatedAt = now > tenant.UpdatedAt ? now : tenant.UpdatedAt.AddTicks(10);
    }

    private async Task<bool> NameTakenAsync(string name, CancellationToken cancellationToken)
    {
        await using var db = await hostDb.CreateDbContextAsync(cancellationToken);
        return await db.Tenants.AnyAsync(t => t.Name == name, cancellationToken);
    }

    private async Task ChangedAsync(CancellationToken cancellationToken)
    {
        await registry.ReloadAsync(cancellationToken);
        await signal.PublishAsync(TenantRegistry.ChangeChannel, "", cancellationToken);
    }
}

public sealed record HostNameResult(bool Succeeded, string? HostName, string? Error)
{
    public static HostNameResult Added(string hostName) => new(true, hostName, null);

    public static HostNameResult Invalid(string error) => new(false, null, error);
}
