using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Contracts;
using Portal.Core.Time;
using Portal.Tasks.Data;
using Portal.Tasks.Models;

namespace Portal.Tasks.Services;

/// <param name="Outstanding">Requested items not done yet (0 for a plain task).</param>
public sealed record StaffTaskRow(ClientTask Task, string ClientName, int Outstanding, int Items);

/// <param name="Next">The cursor of the following page; null on the last.</param>
public sealed record StaffTaskPage(IReadOnlyList<StaffTaskRow> Rows, string? Next);

/// <summary>
/// Every client's tasks for staff, newest first, paged by keyset on (CreatedAt, Id) so a page costs the
/// same however deep (indexes: State+CreatedAt, ClientId+State+CreatedAt).
/// </summary>
public sealed class StaffTaskList(TasksDbContext db, IClientDirectory clients, IPracticeClock clock)
{
    public const int PageSize = 25;

    public async Task<StaffTaskPage> PageAsync(StaffTaskFilter filter, string? cursor, CancellationToken cancellationToken)
    {
        var query = db.Tasks.AsNoTracking().AsQueryable();
        query = filter.Closed ? query.Where(t => t.State != TaskState.Open) : query.Where(t => t.State == TaskState.Open);
        if (filter.ClientId is { } clientId)
        {
            query = query.Where(t => t.ClientId == clientId);
            if (filter.AssigneeId is { } assigneeId)
            {
                var full = (await clients.PortalUsersAsync(clientId, cancellationToken)).Any(p => p.UserId == assigneeId && p.Access == ClientAccessLevel.Full);
                query = query.Where(t => db.Assignees.Any(a => a.TaskId == t.Id && a.UserId == assigneeId) || (full && t.AssignedToEveryone));
            }
        }

        if (filter.Overdue)
        {
            var today = await clock.TodayAsync(cancellationToken);
            query = query.Where(t => t.DueOn != null && t.DueOn < today);
        }

        if (filter.DueBy is { } dueBy)
        {
            query = query.Where(t => t.DueOn != null && t.DueOn <= dueBy);
        }

        if (TryRead(cursor, out var createdAt, out var id))
        {
            query = query.Where(t => t.CreatedAt < createdAt || (t.CreatedAt == createdAt && t.Id.CompareTo(id) < 0));
        }

        var tasks = await query.OrderByDescending(t => t.CreatedAt).ThenByDescending(t => t.Id).Take(PageSize + 1).ToListAsync(cancellationToken);
        var shown = tasks.Take(PageSize).ToList();
        var ids = shown.Select(t => t.Id).ToList();
        var counts = await db.Items.AsNoTracking().Where(i => ids.Contains(i.TaskId))
            .GroupBy(i => i.TaskId)
            .Select(g => new { TaskId = g.Key, Items = g.Count(), Outstanding = g.Count(i => i.State != RequestItemState.Received && i.State != RequestItemState.Accepted) })
            .ToDictionaryAsync(g => g.TaskId, cancellationToken);
        var names = await clients.FindManyAsync(shown.Select(t => t.ClientId).Distinct(), cancellationToken);
        var rows = shown.Select(t => new StaffTaskRow(
            t,
            names.TryGetValue(t.ClientId, out var client) ? client.Name : "(client deleted)",
            counts.TryGetValue(t.Id, out var c) ? c.Outstanding : 0,
            counts.TryGetValue(t.Id, out var d) ? d.Items : 0)).ToList();
        var next = tasks.Count > PageSize ? Write(shown[^1].CreatedAt, shown[^1].Id) : null;
        return new StaffTaskPage(rows, next);
    }

    public static string Write(DateTime createdAt, Guid id) => $"{createdAt.Ticks.ToString(CultureInfo.InvariantCulture)}_{id:N}";

    public static bool TryRead(string? cursor, out DateTime createdAt, out Guid id)
    {
        createdAt = default;
        id = default;
        var parts = (cursor ?? "").Split('_');
        if (parts.Length == 2
            && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            && ticks is >= 0 and <= 3155378975999999999
            && Guid.TryParseExact(parts[1], "N", out id))
        {
            createdAt = new DateTime(ticks, DateTimeKind.Utc);
            return true;
        }

        return false;
    }
}
