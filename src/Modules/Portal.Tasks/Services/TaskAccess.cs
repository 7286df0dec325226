using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Contracts;
using Portal.Core.Security;
using Portal.Tasks.Data;
using Portal.Tasks.Models;

namespace Portal.Tasks.Services;

/// <summary>What a signed-in user may do with a task.</summary>
public enum TaskRight
{
    None,

    /// <summary>A portal user who may see the task, comment, mark it done and answer its items.</summary>
    Client,

    /// <summary>Practice staff (the page has checked the permission).</summary>
    Staff,
}

/// <summary>
/// Who sees which task: staff through their permissions; full-access portal users every task of their
/// portal's clients; contributors only the tasks assigned to them by name ("everyone in the portal" means
/// its full-access users: a contributor sees only what is given to them).
/// </summary>
public sealed class TaskAccess(TasksDbContext db, IClientAccess access, IClientDirectory directory)
{
    public async Task<TaskRight> ForAsync(ClaimsPrincipal user, ClientTask task, CancellationToken cancellationToken)
    {
        var level = await access.ForClientAsync(user, task.ClientId, cancellationToken);
        return level switch
        {
            ClientAccessLevel.Staff => user.IsStaffUser() ? TaskRight.Staff : TaskRight.None,
            ClientAccessLevel.Full => TaskRight.Client,
            ClientAccessLevel.Contributor when user.IdOf() is { } userId
                && await db.Assignees.AnyAsync(a => a.TaskId == task.Id && a.UserId == userId, cancellationToken) => TaskRight.Client,
            _ => TaskRight.None,
        };
    }

    /// <summary>The tasks a portal user may see in their current portal, as a query to filter and order further.</summary>
    public async Task<IQueryable<ClientTask>?> VisibleToClientAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (!user.IsClientUser() || user.IdOf() is not { } userId || await access.CurrentPortalAsync(user, cancellationToken) is not { } portal)
        {
            return null;
        }

        var clientIds = portal.Clients.Select(c => c.Id).ToList();
        var tasks = db.Tasks.AsNoTracking().Where(t => clientIds.Contains(t.ClientId));
        return portal.Access == ClientAccessLevel.Full
            ? tasks
            : tasks.Where(t => db.Assignees.Any(a => a.TaskId == t.Id && a.UserId == userId));
    }

    /// <summary>
    /// The portal users a task is for, as they are now: its named assignees that are still users of the
    /// portal, or with "everyone", every full-access user.
    /// </summary>
    public async Task<IReadOnlyList<Guid>> RecipientsAsync(ClientTask task, CancellationToken cancellationToken)
    {
        var portalUsers = await directory.PortalUsersAsync(task.ClientId, cancellationToken);
        var named = await db.Assignees.AsNoTracking().Where(a => a.TaskId == task.Id).Select(a => a.UserId).ToListAsync(cancellationToken);
        return portalUsers
            .Where(p => named.Contains(p.UserId) || (task.AssignedToEveryone && p.Access == ClientAccessLevel.Full))
            .Select(p => p.UserId)
            .Distinct()
            .ToList();
    }

    /// <summary>Whether a portal user may act on the task (used where there is no request, e.g. an upload seen by its event).</summary>
    public async Task<bool> MayActAsync(Guid userId, ClientTask task, CancellationToken cancellationToken)
    {
        var portalUser = (await directory.PortalUsersAsync(task.ClientId, cancellationToken)).FirstOrDefault(p => p.UserId == userId);
        return portalUser switch
        {
            null => false,
            { Access: ClientAccessLevel.Full } => true,
            _ => await db.Assignees.AnyAsync(a => a.TaskId == task.Id && a.UserId == userId, cancellationToken),
        };
    }
}
