using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Billing.Models;
using Portal.Billing.Payments;
using Portal.Billing.Services;
using Portal.Core.Security;
using Portal.Core.Tenancy;
using Portal.Core.Theming;

namespace Portal.Billing.Pages.Billing;

/// <summary>
/// Stripe's success_url. Reaching it proves nothing: the session is read from Stripe on the practice's
/// account and put into the books, and the page says what it came to. A session that is not a Pay on
/// this invoice by one of the user's clients is "not found".
/// </summary>
[Authorize]
[ClientSwitch(ClientSiteSwitch.Billing)]
public sealed class CheckoutPaidModel(ClientBilling billing, CheckoutSessions checkout, TenantContext tenant) : PageModel
{
    public Invoice Invoice { get; private set; } = null!;

    public CheckoutConfirmation? Confirmation { get; private set; }

    public string? Problem { get; private set; }

    public string PracticeName => tenant.Tenant.DisplayName;

    public async Task<IActionResult> OnGetAsync(Guid id, [FromQuery(Name = "session_id")] string? sessionId)
    {
        var cancellationToken = HttpContext.RequestAborted;
        if (User.IsStaffUser() || await billing.InvoiceAsync(User, id, cancellationToken) is not { } invoice)
        {
            return NotFound();
        }

        Invoice = invoice;
        var confirmed = await checkout.ConfirmAsync(invoice, sessionId, cancellationToken);
        if (confirmed.Errors is [var error, ..])
        {
            if (error == CheckoutErrors.SessionNotFound)
            {
                return NotFound();
            }

            // Stripe did not answer: say we do not know yet rather than guess.
            Problem = error.Message;
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return Page();
        }

        Confirmation = confirmed.Value;
        Invoice = await billing.InvoiceAsync(User, id, cancellationToken) ?? invoice;
        return Page();
    }
}
