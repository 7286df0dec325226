using Microsoft.EntityFrameworkCore;
using Portal.Core.Contracts;
using Portal.Core.Tenancy;
using Portal.Identity.Data;

namespace Portal.Identity.Services;

/// <summary>
/// Ends a user's sessions on the server (all of them, or all but the current one); the next request of
/// an ended session is anonymous, on every server (the sessions version is bumped after the delete:
/// see <see cref="DatabaseTicketStore"/>).
/// </summary>
public sealed class UserSessions(UsersDbContext db, TenantContext tenantContext, IPracticeDataVersions versions)
{
    public async Task<int> EndAllAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        var ended = await db.Sessions.Where(s => s.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        await versions.BumpAsync(tenantContext.Tenant.Id, DatabaseTicketStore.SessionsArea, CancellationToken.None);
        return ended;
    }

    public async Task<int> EndOthersAsync(Guid userId, string keepSessionId, CancellationToken cancellationToken = default)
    {
        var ended = await db.Sessions.Where(s => s.UserId == userId && s.Id != keepSessionId).ExecuteDeleteAsync(cancellationToken);
        await versions.BumpAsync(tenantContext.Tenant.Id, DatabaseTicketStore.SessionsArea, CancellationToken.None);
        return ended;
    }
}
