using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Portal.Core.Data;

namespace Portal.Core.Settings;

/// <summary>
/// This server's knowledge of each practice's settings-section versions, the part of every settings
/// cache key that a save changes. A save bumps the row in the host store, then this server's copy at
/// once (so the request that saved reads what it saved), then announces
/// <c>{practice id}:{section}:{version}</c> on <see cref="ChangeChannel"/>; other servers apply it
/// from the notification, or from the poll (row count and sum of versions) when one was missed.
/// Versions only grow here, so a late or repeated message never brings an old copy back. Other cached
/// practice data (sessions, client access) counts its versions here too (<see cref="Contracts.IPracticeDataVersions"/>).
/// </summary>
public sealed partial class SettingsVersions(IDbContextFactory<HostDbContext> hostDb, HostChangeSignal signal, TimeProvider clock, ILogger<SettingsVersions> logger) : IHostChangeFeed
{
    public const string ChangeChannel = "portal_settings";

    private readonly ConcurrentDictionary<(Guid Tenant, string Section), long> _known = new();
    private readonly ConcurrentDictionary<Guid, long> _stamps = new();

    // Per section bumped later: 1 while its host-store bump runs, 2 when another came in meanwhile.
    private readonly ConcurrentDictionary<(Guid Tenant, string Section), int> _flushing = new();
    private volatile PollStamp? _polled;

    public string Channel => ChangeChannel;

    /// <summary>
    /// The newest version of a section this server knows of (0 before its first save). The first call
    /// on a server reads every version, so a server never starts out caching under a version it has not learned yet.
    /// </summary>
    public async ValueTask<long> CurrentAsync(Guid tenantId, string section, CancellationToken cancellationToken)
    {
        if (_polled is null)
        {
            await ReloadAsync(cancellationToken);
        }

        return _known.GetValueOrDefault((tenantId, section));
    }

    /// <summary>
    /// This server's stamp of the practice: it grows with every rise of any of its versions this server
    /// learns of, and with every <see cref="BumpLater"/> here. Stamps of different servers are not comparable.
    /// </summary>
    public async ValueTask<long> StampAsync(Guid tenantId, CancellationToken cancellationToken)
    {
        if (_polled is null)
        {
            await ReloadAsync(cancellationToken);
        }

        return _stamps.GetValueOrDefault(tenantId);
    }

    /// <summary>Records a save of <paramref name="section"/>: a new version in the host store, here, and on every server.</summary>
    public Task<long> BumpAsync(Guid tenantId, string section, CancellationToken cancellationToken)
        => BumpAsync(tenantId, section, countInStamp: true, cancellationToken);

    private async Task<long> BumpAsync(Guid tenantId, string section, bool countInStamp, CancellationToken cancellationToken)
    {
        long version;
        for (var attempt = 0; ; attempt++)
        {
            await using var db = await hostDb.CreateDbContextAsync(cancellationToken);
            var row = await db.SettingsVersions.SingleOrDefaultAsync(v => v.TenantId == tenantId && v.Section == section, cancellationToken);
            if (row is null)
            {
                row = new SettingsVersionRecord { TenantId = tenantId, Section = section };
                db.SettingsVersions.Add(row);
            }

            row.Version++;
            row.UpdatedAt = clock.GetUtcNow().UtcDateTime;
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                version = row.Version;
                break;
            }
            catch (DbUpdateException) when (attempt < 5)
            {
                // Another server saved the same section at the same moment (the key or the version
                // token decided): read its number and count on from there.
            }
        }

        Learn(tenantId, section, version, countInStamp);
        await signal.PublishAsync(ChangeChannel, string.Create(CultureInfo.InvariantCulture, $"{tenantId:N}:{section}:{version}"), cancellationToken);
        return version;
    }

    /// <summary>
    /// Records a change at once on this server (its stamp grows) and in the host store and on the other
    /// servers soon after, without waiting: for writes so frequent that a host-store write each, made
    /// while the writer still holds its practice connection, would cost more than it saves (concurrent
    /// writers would wait for host connections held by one another). Bumps that arrive while one is
    /// being written are folded into one more.
    /// </summary>
    public void BumpLater(Guid tenantId, string section)
    {
        _stamps.AddOrUpdate(tenantId, 1, (_, stamp) => stamp + 1);
        var key = (tenantId, section);
        while (!_flushing.TryAdd(key, 1))
        {
            if (_flushing.TryUpdate(key, 2, 1) || _flushing.TryGetValue(key, out var state) && state == 2)
            {
                return;
            }
        }

        _ = Task.Run(() => FlushAsync(key));
    }

    private async Task FlushAsync((Guid Tenant, string Section) key)
    {
        while (true)
        {
            try
            {
                // This server's stamp grew when the change was made: the number written for the others adds nothing here.
                await BumpAsync(key.Tenant, key.Section, countInStamp: false, CancellationToken.None);
            }
            catch (Exception exception)
            {
                // The other servers learn of it with the next bump of the practice; this one already has.
                LogBumpFailed(logger, exception, key.Tenant, key.Section);
            }

            if (_flushing.TryRemove(new KeyValuePair<(Guid, string), int>(key, 1)))
            {
                return;
            }

            _flushing.TryUpdate(key, 1, 2);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Recording a change of practice {TenantId} ({Section}) in the host store failed; other servers learn of it with the practice's next change.")]
    private static partial void LogBumpFailed(ILogger logger, Exception exception, Guid tenantId, string section);

    public async Task OnNotifiedAsync(string payload, CancellationToken cancellationToken)
    {
        // "{tenant}:{section}:{version}"; a section may hold colons itself (data areas are "data:{area}").
        var first = payload.IndexOf(':', StringComparison.Ordinal);
        var last = payload.LastIndexOf(':');
        if (first > 0 && last > first
            && Guid.TryParseExact(payload.AsSpan(0, first), "N", out var tenantId)
            && long.TryParse(payload.AsSpan(last + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var version))
        {
            Learn(tenantId, payload[(first + 1)..last], version);
            return;
        }

        await ReloadAsync(cancellationToken);
    }

    public async Task RefreshIfStaleAsync(CancellationToken cancellationToken)
    {
        await using var db = await hostDb.CreateDbContextAsync(cancellationToken);
        var count = await db.SettingsVersions.CountAsync(cancellationToken);
        var sum = count == 0 ? 0 : await db.SettingsVersions.SumAsync(v => v.Version, cancellationToken);
        if (new PollStamp(count, sum) != _polled)
        {
            await ReloadAsync(cancellationToken);
        }
    }

    // Two reloads at once are harmless: learning only ever raises a version.
    private async Task ReloadAsync(CancellationToken cancellationToken)
    {
        await using var db = await hostDb.CreateDbContextAsync(cancellationToken);
        var rows = await db.SettingsVersions.AsNoTracking().Select(v => new { v.TenantId, v.Section, v.Version }).ToListAsync(cancellationToken);
        foreach (var row in rows)
        {
            Learn(row.TenantId, row.Section, row.Version);
        }

        _polled = new PollStamp(rows.Count, rows.Sum(r => r.Version));
    }

    private sealed record PollStamp(int Count, long Sum);

    private void Learn(Guid tenantId, string section, long version, bool countInStamp = true)
    {
        var key = (tenantId, section);
        while (true)
        {
            var known = _known.GetValueOrDefault(key);
            if (version <= known)
            {
                return;
            }

            // Whoever raises the version adds the rise to the practice's stamp: each rise is counted once.
            if (known == 0 ? _known.TryAdd(key, version) : _known.TryUpdate(key, version, known))
            {
                if (!countInStamp)
                {
                    return;
                }

                _stamps.AddOrUpdate(tenantId, version - known, (_, stamp) => stamp + version - known);
                return;
            }
        }
    }
}
