using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Billing.Models;
using Portal.Billing.Payments;
using Portal.Billing.Services;
using Portal.Core.Security;
using Portal.Core.Theming;

namespace Portal.Billing.Pages.Billing;

/// <summary>
/// Stripe's cancel_url: the client left the payment page. Its session is expired at Stripe so the page
/// cannot be paid later by mistake; one that was paid meanwhile is put into the books and said so.
/// </summary>
[Authorize]
[ClientSwitch(ClientSiteSwitch.Billing)]
public sealed class CheckoutCancelledModel(ClientBilling billing, CheckoutSessions checkout) : PageModel
{
    public Invoice Invoice { get; private set; } = null!;

    public CheckoutConfirmation? Confirmation { get; private set; }

    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, Guid attempt)
    {
        var cancellationToken = HttpContext.RequestAborted;
        if (User.IsStaffUser() || await billing.InvoiceAsync(User, id, cancellationToken) is not { } invoice)
        {
            return NotFound();
        }

        Invoice = invoice;
        var cancelled = await checkout.CancelAsync(invoice, attempt, cancellationToken);
        if (cancelled.Errors is [var error, ..])
        {
            if (error == CheckoutErrors.SessionNotFound)
            {
                return NotFound();
            }

            Problem = error.Message;
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return Page();
        }

        Confirmation = cancelled.Value;
        return Page();
    }
}
