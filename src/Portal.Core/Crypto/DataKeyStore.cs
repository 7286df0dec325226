using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Data;
using Portal.Core.Tenancy;

namespace Portal.Core.Crypto;

/// <summary>
/// The current practice's data keys: random 256-bit keys kept wrapped by a master key in the
/// practice's own database (table DataKeys). A key is created on first use; new files use the newest
/// active version, older versions stay to decrypt older files. Rotating the master key re-wraps the
/// rows only: the data keys, and so every file, stay as they are.
/// </summary>
public sealed class DataKeyStore(CoreTenantDbContext db, TenantContext tenant, MasterKeyRing masterKeys, TimeProvider clock)
{
    // A version's key bytes never change (re-wrapping keeps them), so within one scope (a request,
    // a job) each is read and unwrapped once: a resumable upload's PATCH and a download otherwise
    // look the same key up several times.
    private readonly Dictionary<int, DataKey> _unwrapped = [];

    /// <summary>The key new files use, created (version 1) when the practice has none yet.</summary>
    public async Task<DataKey> GetCurrentAsync(CancellationToken cancellationToken)
    {
        // Checked first so a missing master key fails before anything is created or written.
        _ = masterKeys.ActiveKeyId;
        for (var attempt = 0; ; attempt++)
        {
            var current = await db.Set<DataKeyRecord>().AsNoTracking()
                .Where(k => k.RetiredAt == null)
                .OrderByDescending(k => k.Version)
                .FirstOrDefaultAsync(cancellationToken);
            if (current is not null)
            {
                return Unwrap(current);
            }

            if (await TryAddAsync(retirePrevious: false, cancellationToken) is { } created)
            {
                return created;
            }

            if (attempt > 3)
            {
                throw new InvalidOperationException("Could not create the practice's data key.");
            }
        }
    }

    /// <summary>The key of a given version, or null when the practice has no such version.</summary>
    public async Task<DataKey?> FindAsync(int version, CancellationToken cancellationToken)
    {
        if (_unwrapped.TryGetValue(version, out var known))
        {
            return known;
        }

        var record = await db.Set<DataKeyRecord>().AsNoTracking().SingleOrDefaultAsync(k => k.Version == version, cancellationToken);
        return record is null ? null : Unwrap(record);
    }

    /// <summary>
    /// Starts a new data-key version for new files (e.g. when a key may have been exposed); earlier
    /// versions are retired, not deleted, since existing files still need them.
    /// </summary>
    public async Task<DataKey> CreateNextVersionAsync(CancellationToken cancellationToken)
    {
        _ = masterKeys.ActiveKeyId;
        for (var attempt = 0; ; attempt++)
        {
            if (await TryAddAsync(retirePrevious: true, cancellationToken) is { } created)
            {
                return created;
            }

            if (attempt > 3)
            {
                throw new InvalidOperationException("Could not create a new data-key version.");
            }
        }
    }

    /// <summary>Re-wraps every data key not wrapped by the active master key; returns how many.</summary>
    public async Task<int> RewrapAsync(CancellationToken cancellationToken)
    {
        var active = masterKeys.ActiveKeyId;
        var stale = await db.Set<DataKeyRecord>().Where(k => k.MasterKeyId != active).ToListAsync(cancellationToken);
        foreach (var record in stale)
        {
            var key = masterKeys.Unwrap(MasterKeyPurpose.DataKey, new WrappedSecret(record.MasterKeyId, record.WrappedKey), Context(record.Version));
            try
            {
                var wrapped = masterKeys.Wrap(MasterKeyPurpose.DataKey, key, Context(record.Version));
                record.MasterKeyId = wrapped.MasterKeyId;
                record.WrappedKey = wrapped.Ciphertext;
                record.RewrappedAt = clock.GetUtcNow().UtcDateTime;
            }
            finally
            {
                CryptographicOperations.ZeroMemory(key);
            }
        }

        // One transaction: a practice's keys move to the new master key together or not at all.
        await db.SaveChangesAsync(cancellationToken);
        return stale.Count;
    }

    /// <summary>How many data keys are wrapped by each master key (for the rotation report).</summary>
    public async Task<Dictionary<string, int>> CountByMasterKeyAsync(CancellationToken cancellationToken)
        => await db.Set<DataKeyRecord>().AsNoTracking().GroupBy(k => k.MasterKeyId)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, StringComparer.Ordinal, cancellationToken);

    private async Task<DataKey?> TryAddAsync(bool retirePrevious, CancellationToken cancellationToken)
    {
        var newest = await db.Set<DataKeyRecord>().MaxAsync(k => (int?)k.Version, cancellationToken) ?? 0;
        var version = newest + 1;
        var key = RandomNumberGenerator.GetBytes(32);
        var wrapped = masterKeys.Wrap(MasterKeyPurpose.DataKey, key, Context(version));
        var now = clock.GetUtcNow().UtcDateTime;
        var record = new DataKeyRecord { Version = version, MasterKeyId = wrapped.MasterKeyId, WrappedKey = wrapped.Ciphertext, CreatedAt = now };
        db.Set<DataKeyRecord>().Add(record);
        List<DataKeyRecord> retired = [];
        if (retirePrevious)
        {
            retired = await db.Set<DataKeyRecord>().Where(k => k.RetiredAt == null && k.Version < version).ToListAsync(cancellationToken);
            retired.ForEach(k => k.RetiredAt = now);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return _unwrapped[version] = new DataKey(version, key);
        }
        catch (DbUpdateException)
        {
            // Another request created this version at the same moment (the primary key decides): use theirs.
            db.Entry(record).State = EntityState.Detached;
            retired.ForEach(k => db.Entry(k).State = EntityState.Detached);
            CryptographicOperations.ZeroMemory(key);
            return null;
        }
    }

    private DataKey Unwrap(DataKeyRecord record)
    {
        if (!_unwrapped.TryGetValue(record.Version, out var key))
        {
            key = new DataKey(record.Version, masterKeys.Unwrap(MasterKeyPurpose.DataKey, new WrappedSecret(record.MasterKeyId, record.WrappedKey), Context(record.Version)));
            _unwrapped[record.Version] = key;
        }

        return key;
    }

    /// <summary>Binds a wrapped key to its practice and version: a row copied elsewhere does not unwrap.</summary>
    private string Context(int version) => $"data-key\n{tenant.Tenant.Name}\n{version}";
}
