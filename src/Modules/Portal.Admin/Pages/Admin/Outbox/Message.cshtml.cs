using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Core.Mail;
using Portal.Core.Navigation;
using Portal.Core.Security;

namespace Portal.Admin.Pages.Admin.Outbox;

[RequirePermission(Permissions.ViewOutboxName)]
public sealed class MessageModel(IMailOutbox outbox) : PageModel
{
    public OutboxMessage Message { get; private set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var message = await outbox.FindAsync(id, HttpContext.RequestAborted);
        if (message is null)
        {
            return NotFound();
        }

        Message = message;
        return Page();
    }

    public async Task<IActionResult> OnPostRetryAsync(Guid id)
    {
        TempData[TempDataKeys.Status] = await outbox.RetryAsync(id, HttpContext.RequestAborted)
            ? "The e-mail is queued to be sent again."
            : "Only failed e-mails can be sent again.";
        return RedirectToPage(new { id });
    }
}
