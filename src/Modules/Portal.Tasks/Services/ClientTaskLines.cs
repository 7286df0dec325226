using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Time;
using Portal.Tasks.Models;

namespace Portal.Tasks.Services;

/// <summary>A portal user's open tasks, soonest due first (then the newest without a date), for the home card, the nav count and the list.</summary>
public sealed class ClientTaskLines(TaskAccess access, IPracticeClock clock)
{
    public async Task<IReadOnlyList<ClientTask>> OpenAsync(ClaimsPrincipal user, int limit, CancellationToken cancellationToken)
    {
        if (await access.VisibleToClientAsync(user, cancellationToken) is not { } visible)
        {
            return [];
        }

        return await visible.Where(t => t.State == TaskState.Open)
            .OrderBy(t => t.DueOn == null).ThenBy(t => t.DueOn).ThenByDescending(t => t.CreatedAt)
            .Take(limit)
            .ToListAsync(cancellationToken);
    }

    public async Task<int> CountOpenAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
        => await access.VisibleToClientAsync(user, cancellationToken) is { } visible
            ? await visible.CountAsync(t => t.State == TaskState.Open, cancellationToken)
            : 0;

    /// <summary>"Due 15 Apr", "Due today", "Overdue since 2 Apr", or null without a date; and whether it is overdue.</summary>
    public async Task<(string? Note, bool Overdue)> DueNoteAsync(ClientTask task, CancellationToken cancellationToken)
        => DueNote(task.DueOn, await clock.TodayAsync(cancellationToken));

    public static (string? Note, bool Overdue) DueNote(DateOnly? due, DateOnly today) => due switch
    {
        null => (null, false),
        { } d when d < today => ($"Overdue since {d.ToString("d MMM", CultureInfo.InvariantCulture)}", true),
        { } d when d == today => ("Due today", false),
        { } d => ($"Due {d.ToString(d.Year == today.Year ? "d MMM" : "d MMM yyyy", CultureInfo.InvariantCulture)}", false),
    };
}
