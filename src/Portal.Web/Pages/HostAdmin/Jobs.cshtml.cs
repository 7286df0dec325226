using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Data;
using Portal.Core.Jobs;

namespace Portal.Web.Pages.HostAdmin;

public sealed class JobsModel(IDbContextFactory<HostDbContext> hostDb) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public JobState State { get; set; } = JobState.Failed;

    public IReadOnlyList<JobRecord> Jobs { get; private set; } = [];

    public Dictionary<JobState, int> Counts { get; private set; } = [];

    public async Task OnGetAsync()
    {
        await using var db = await hostDb.CreateDbContextAsync(HttpContext.RequestAborted);
        Counts = await db.Jobs.GroupBy(j => j.State).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, HttpContext.RequestAborted);
        Jobs = await db.Jobs.AsNoTracking().Where(j => j.State == State)
            .OrderByDescending(j => j.RunAfter).Take(100).ToListAsync(HttpContext.RequestAborted);
    }
}
