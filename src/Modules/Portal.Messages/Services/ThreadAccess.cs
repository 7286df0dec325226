using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Contracts;
using Portal.Core.Security;
using Portal.Messages.Data;
using Portal.Messages.Models;

namespace Portal.Messages.Services;

/// <summary>
/// Which threads a portal user sees, in the portal they are working in: a full-access user every
/// thread of the portal's clients; a contributor only the threads they started (a contributor is an
/// outsider such as the client's banker, so the practice's conversations with the client stay
/// private). Staff see threads through the inbox's permission instead.
/// </summary>
public sealed class ThreadAccess(MessagesDbContext db, IClientAccess access)
{
    public async Task<PortalView?> ForPortalUserAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        if (!user.IsClientUser() || user.IdOf() is not { } userId)
        {
            return null;
        }

        return await access.CurrentPortalAsync(user, cancellationToken) is { } portal ? new PortalView(portal, userId) : null;
    }

    public IQueryable<MessageThread> Visible(PortalView view)
    {
        var clientIds = view.Portal.Clients.Select(c => c.Id).ToList();
        var threads = db.Threads.AsNoTracking().Where(t => clientIds.Contains(t.ClientId));
        var userId = view.UserId;
        return view.IsFullAccess ? threads : threads.Where(t => t.StartedByUserId == userId);
    }

    public Task<MessageThread?> FindAsync(PortalView view, Guid threadId, CancellationToken cancellationToken = default)
        => Visible(view).FirstOrDefaultAsync(t => t.Id == threadId, cancellationToken);
}

/// <summary>A portal user in the portal they are working in.</summary>
public sealed record PortalView(CurrentPortal Portal, Guid UserId)
{
    public bool IsFullAccess => Portal.Access == ClientAccessLevel.Full;
}
