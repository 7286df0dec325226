using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using OpenIddict.Abstractions;
using Portal.Core.Contracts;
using Portal.Core.Security;
using Portal.Sync.Data;
using Portal.Sync.Models;

namespace Portal.Sync.Services;

/// <summary>The practice's approvals of programs: recorded at consent, listed, used, revoked.</summary>
public sealed class ConnectedApps(
    SyncDbContext db,
    IOpenIddictAuthorizationManager authorizations,
    IOpenIddictTokenManager tokens,
    ICurrentActor actor,
    IAuditLog audit,
    IMemoryCache noted,
    TimeProvider clock)
{
    /// <summary>A program's use is written at most this often, so an API call rarely writes.</summary>
    public static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    public async Task RecordApprovalAsync(Guid authorizationId, Guid approvedById, string approvedByName, string deviceName, string? ip, CancellationToken cancellationToken)
    {
        var device = SyncDeviceName.Clean(deviceName);
        db.Connections.Add(new SyncConnection
        {
            AuthorizationId = authorizationId,
            ApprovedById = approvedById,
            ApprovedByName = approvedByName,
            ApprovedAt = clock.GetUtcNow().UtcDateTime,
            DeviceName = device,
            ApprovedFromIp = ip,
        });
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(new AuditEntry(SyncAuditActions.Approved, SyncAuditTargets.Connection, authorizationId.ToString(), $"{device}, asked from {ip ?? "an unknown address"}"), cancellationToken);
    }

    /// <summary>Nothing is stored for a refusal but the audit entry: there is no connection.</summary>
    public Task RecordDenialAsync(string application, string deviceName, string? ip, CancellationToken cancellationToken)
        => audit.RecordAsync(new AuditEntry(SyncAuditActions.Denied, Details: $"{application} on {SyncDeviceName.Clean(deviceName)}, asked from {ip ?? "an unknown address"}"), cancellationToken);

    public async Task<IReadOnlyList<ConnectedApp>> ListAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var rows = await (
            from connection in db.Connections.AsNoTracking()
            join authorization in db.Authorizations.AsNoTracking() on connection.AuthorizationId equals authorization.Id
            orderby connection.ApprovedAt descending
            select new
            {
                connection,
                authorization.Status,
                HasLiveToken = db.Tokens.Any(t => t.Authorization!.Id == connection.AuthorizationId
                    && t.Status == OpenIddictConstants.Statuses.Valid
                    && t.ExpirationDate > now),
                Application = authorization.Application != null ? authorization.Application.DisplayName : null,
            }).ToListAsync(cancellationToken);
        return rows.Select(r => new ConnectedApp(
            r.connection.AuthorizationId,
            r.Application ?? SyncClient.DisplayName,
            r.connection.DeviceName,
            r.connection.ApprovedByName,
            r.connection.ApprovedAt,
            r.connection.ApprovedFromIp,
            r.connection.LastUsedAt,
            r.connection.LastUsedFromIp,
            // OpenIddict ends a family (a reused refresh token) by revoking its tokens, not the authorization.
            r.Status == OpenIddictConstants.Statuses.Valid && r.HasLiveToken && r.connection.RevokedAt is null,
            r.connection.RevokedAt,
            r.connection.RevokedByName)).ToList();
    }

    /// <summary>
    /// Revokes the authorization and every token issued under it; the API refuses them from the next call
    /// on, because reference tokens are looked up in the store on every call.
    /// </summary>
    /// <returns>False when there is no such connection.</returns>
    public Task<bool> RevokeAsync(Guid authorizationId, CancellationToken cancellationToken)
        => RevokeAsync(authorizationId, "Revoked on Connected apps", cancellationToken);

    /// <param name="reason">Why, for the audit trail.</param>
    public async Task<bool> RevokeAsync(Guid authorizationId, string reason, CancellationToken cancellationToken)
    {
        var connection = await db.Connections.SingleOrDefaultAsync(c => c.AuthorizationId == authorizationId, cancellationToken);
        if (connection is null)
        {
            return false;
        }

        if (await authorizations.FindByIdAsync(authorizationId.ToString(), cancellationToken) is { } authorization)
        {
            await authorizations.TryRevokeAsync(authorization, cancellationToken);
        }

        await tokens.RevokeByAuthorizationIdAsync(authorizationId.ToString(), cancellationToken);
        if (connection.RevokedAt is null)
        {
            connection.RevokedAt = clock.GetUtcNow().UtcDateTime;
            connection.RevokedByName = actor.Actor.Name ?? "the system";
            await db.SaveChangesAsync(cancellationToken);
            await audit.RecordAsync(new AuditEntry(SyncAuditActions.Revoked, SyncAuditTargets.Connection, authorizationId.ToString(), reason), cancellationToken);
        }

        return true;
    }

    /// <summary>
    /// Notes a use of the connection (an API call, a refresh), at most once per <see cref="LastUsedResolution"/>.
    /// A use this server noted within it, from the same address, is not even looked for: the update that
    /// matches no row still takes SQLite's write lock, and each file of a sync is two calls (from the command
    /// log of a sync's uploads on SQLite: a sixth of their time in the database).
    /// </summary>
    public async Task TouchAsync(Guid authorizationId, string? ip, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var stale = now - LastUsedResolution;
        var key = (nameof(TouchAsync), authorizationId, ip);
        if (noted.TryGetValue(key, out DateTime notedAt) && notedAt >= stale)
        {
            return;
        }

        await db.Connections
            .Where(c => c.AuthorizationId == authorizationId && (c.LastUsedAt == null || c.LastUsedAt < stale || c.LastUsedFromIp != ip))
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.LastUsedAt, now).SetProperty(c => c.LastUsedFromIp, ip), cancellationToken);
        noted.Set(key, now, LastUsedResolution);
    }
}
