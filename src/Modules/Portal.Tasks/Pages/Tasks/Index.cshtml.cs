using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Security;
using Portal.Core.Time;
using Portal.Tasks.Models;
using Portal.Tasks.Services;

namespace Portal.Tasks.Pages.Tasks;

/// <summary>The portal user's tasks: open ones first, soonest due first; then the last finished ones.</summary>
[Authorize]
public sealed class IndexModel(TaskAccess access, ClientTaskLines lines, IPracticeClock clock) : PageModel
{
    private const int FinishedShown = 20;

    public IReadOnlyList<ClientTask> Open { get; private set; } = [];

    public IReadOnlyList<ClientTask> Finished { get; private set; } = [];

    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var cancellationToken = HttpContext.RequestAborted;
        if (!User.IsClientUser())
        {
            return RedirectToPage("/Admin/Tasks/Index");
        }

        if (await access.VisibleToClientAsync(User, cancellationToken) is not { } visible)
        {
            return RedirectToPage("/Portals/Choose");
        }

        Open = await lines.OpenAsync(User, 200, cancellationToken);
        Finished = await visible.Where(t => t.State != TaskState.Open).OrderByDescending(t => t.CompletedAt).Take(FinishedShown).ToListAsync(cancellationToken);
        Today = await clock.TodayAsync(cancellationToken);
        return Page();
    }
}
