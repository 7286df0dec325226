using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Core.Mail;
using Portal.Core.Navigation;
using Portal.Core.Security;

namespace Portal.Admin.Pages.Admin.Outbox;

[RequirePermission(Permissions.ViewOutboxName)]
public sealed class OutboxModel(IMailOutbox outbox) : PageModel
{
    public const int PageSize = 25;

    [BindProperty(SupportsGet = true)]
    public OutboxState? State { get; set; }

    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    public ListPage<OutboxMessage> Messages { get; private set; } = new([], 0, 1, PageSize);

    public async Task OnGetAsync()
    {
        PageNumber = Math.Max(1, PageNumber);
        Messages = await outbox.ListAsync(State, PageNumber, PageSize, HttpContext.RequestAborted);
    }
}
