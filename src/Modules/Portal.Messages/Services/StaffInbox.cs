using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Security;
using Portal.Messages.Data;
using Portal.Messages.Models;

namespace Portal.Messages.Services;

/// <summary>
/// Every client's threads for staff, newest activity first, filtered in the database and paged by
/// keyset on (LastMessageAt, Id), so a page deep in a long inbox costs what the first does.
/// </summary>
public sealed class StaffInbox(MessagesDbContext db, MessageReading reading)
{
    public const int PageSize = 25;

    public async Task<InboxPage> ListAsync(ClaimsPrincipal staff, InboxFilter filter, string? after, CancellationToken cancellationToken = default)
    {
        var userId = staff.IdOf() ?? Guid.Empty;
        var query = Filtered(db.Threads.AsNoTracking(), staff, filter);
        if (InboxCursor.TryRead(after, out var at, out var id))
        {
            query = query.Where(t => t.LastMessageAt <= at && (t.LastMessageAt < at || t.Id.CompareTo(id) < 0));
        }

        var rows = await query.OrderByDescending(t => t.LastMessageAt).ThenByDescending(t => t.Id).Take(PageSize + 1).ToListAsync(cancellationToken);
        var items = rows.Take(PageSize).ToList();
        var unread = await reading.UnreadAmongAsync(items, userId, cancellationToken);
        return new InboxPage(items, unread, rows.Count > PageSize ? InboxCursor.Write(items[^1].LastMessageAt, items[^1].Id) : null);
    }

    /// <summary>Threads that wait on this staff member: the client wrote last, the thread is theirs or nobody's, and they have not read it.</summary>
    public Task<int> WaitingCountAsync(ClaimsPrincipal staff, CancellationToken cancellationToken = default)
    {
        var userId = staff.IdOf() ?? Guid.Empty;
        var roles = RolesOf(staff);
        var waiting = db.Threads.AsNoTracking().Where(t => t.LastMessageFromClient
            && (t.AssignedUserId == userId || (t.AssignedUserId == null && (t.AssignedRole == null || roles.Contains(t.AssignedRole)))));
        return reading.UnreadThreadsAsync(waiting, userId, cancellationToken);
    }

    private IQueryable<MessageThread> Filtered(IQueryable<MessageThread> query, ClaimsPrincipal staff, InboxFilter filter)
    {
        var userId = staff.IdOf() ?? Guid.Empty;
        var roles = RolesOf(staff);
        query = filter.Show switch
        {
            InboxShow.Unassigned => query.Where(t => t.AssignedUserId == null && t.AssignedRole == null),
            InboxShow.Mine => query.Where(t => t.AssignedUserId == userId || (t.AssignedUserId == null && t.AssignedRole != null && roles.Contains(t.AssignedRole))),
            _ => query,
        };
        if (filter.ReasonId is { } reason)
        {
            query = query.Where(t => t.ReasonId == reason);
        }

        if (filter.ClientId is { } client)
        {
            query = query.Where(t => t.ClientId == client);
        }

        return filter.UnreadOnly ? reading.Unread(query, userId) : query;
    }

    private static List<string> RolesOf(ClaimsPrincipal staff) => staff.FindAll(ClaimTypes.Role).Select(c => c.Value).ToList();
}

/// <param name="Unread">Ids of the page's threads the staff member has not read.</param>
/// <param name="Next">The cursor of the next page; null on the last.</param>
public sealed record InboxPage(IReadOnlyList<MessageThread> Threads, IReadOnlySet<Guid> Unread, string? Next);
