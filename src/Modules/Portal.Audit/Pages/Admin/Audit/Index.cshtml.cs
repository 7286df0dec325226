using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Audit.Models;
using Portal.Audit.Services;
using Portal.Core.Contracts;
using Portal.Core.Navigation;
using Portal.Core.Security;

namespace Portal.Audit.Pages.Admin.Audit;

[RequirePermission(Permissions.ViewAuditName)]
public sealed class AuditTrailModel(AuditTrail trail, AuditVerifier verifier, AuditSentences sentences, AuditActionCatalog actions) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true, Name = "action")]
    public string? ActionFilter { get; set; }

    [BindProperty(SupportsGet = true, Name = "actor")]
    public string? ActorFilter { get; set; }

    [BindProperty(SupportsGet = true, Name = "from")]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true, Name = "to")]
    public DateOnly? To { get; set; }

    public AuditFilter Filter { get; private set; } = new();

    public ListPage<AuditEvent> Events { get; private set; } = new([], 0, 1, PageSize);

    /// <summary>The page's events as sentences, in the order of <see cref="Events"/>.</summary>
    public IReadOnlyList<AuditLine> Lines { get; private set; } = [];

    /// <summary>Recorded actions by name, plus the one filtered on if it was never recorded (so the form shows it).</summary>
    public IReadOnlyList<AuditActionDescription> Actions { get; private set; } = [];

    public string ExportUrl => Url.Content("~/admin/audit/export") + (Filter.IsEmpty ? "" : "?" + Filter.ToQueryString());

    /// <param name="pageNumber">From the query only: a page's route values hold its path under the same name, "page".</param>
    public async Task OnGetAsync([FromQuery(Name = "page")] int pageNumber = 1)
    {
        var cancellationToken = HttpContext.RequestAborted;
        Filter = new AuditFilter(ActionFilter, ActorFilter, From, To);
        Events = await trail.ListAsync(Filter, pageNumber, PageSize, cancellationToken);
        Lines = await sentences.ForAsync(Events.Items, cancellationToken);
        var recorded = await trail.ActionsAsync(cancellationToken);
        Actions = (Filter.Action is { } action && !recorded.Contains(action, StringComparer.Ordinal) ? [.. recorded, action] : recorded)
            .Select(actions.Describe)
            .OrderBy(a => a.Name, StringComparer.CurrentCulture)
            .ToList();
    }

    public async Task<IActionResult> OnPostVerifyAsync()
    {
        var result = await verifier.VerifyAsync(HttpContext.RequestAborted);
        TempData[result.IsIntact ? TempDataKeys.Status : TempDataKeys.Error] = result.Summary;
        return RedirectToPage();
    }
}
