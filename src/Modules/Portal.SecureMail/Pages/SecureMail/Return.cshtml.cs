using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Tenancy;
using Portal.SecureMail.Data;
using Portal.SecureMail.Services;

namespace Portal.SecureMail.Pages.SecureMail;

/// <summary>
/// Checkout's "back" link of a payment request. It names the message by id, never by the link's token
/// (Stripe and the books keep the address): a browser that still has the message unlocked is sent back to
/// it; any other (or an unknown id) is told how to open the message again, without learning whether it exists.
/// </summary>
[AllowAnonymous]
public sealed class ReturnModel(SecureMailDbContext db, SecureMessageSessions sessions, TenantContext tenant) : PageModel
{
    public string PracticeName => tenant.Tenant.DisplayName;

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        Response.Headers.CacheControl = "no-store";
        var message = await db.Messages.AsNoTracking().SingleOrDefaultAsync(m => m.Id == id, HttpContext.RequestAborted);
        return message is not null && sessions.OpenToken(HttpContext, message) is { } token
            ? RedirectToPage(SecureMessageMail.OpenPage, new { token })
            : Page();
    }
}
