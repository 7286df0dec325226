using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Billing.Payments;
using Portal.Core.Tenancy;

namespace Portal.Billing.Pages.Billing;

/// <summary>
/// Checkout's success_url for a secure payment request. The payer may not be signed in (a request goes to any
/// address), so the page is anonymous and found by Stripe's unguessable session id alone; it confirms the
/// session with Stripe as the invoice's paid page does and shows only the amount, the payee and the date.
/// </summary>
[AllowAnonymous]
public sealed class PaymentRequestPaidModel(CheckoutSessions checkout, TenantContext tenant) : PageModel
{
    public PaymentRequestConfirmation? Confirmation { get; private set; }

    public string? Problem { get; private set; }

    /// <summary>No payment request's session of this practice has that id (or none was given).</summary>
    public bool NotFoundHere { get; private set; }

    public string PracticeName => tenant.Tenant.DisplayName;

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "session_id")] string? sessionId)
    {
        // Whoever holds the address sees the page: no cache keeps it (the site's Referrer-Policy, same-origin, keeps it from other sites).
        Response.Headers.CacheControl = "no-store";
        var confirmed = await checkout.ConfirmRequestAsync(sessionId, HttpContext.RequestAborted);
        if (confirmed.Errors is [var error, ..])
        {
            if (error == CheckoutErrors.SessionNotFound)
            {
                // The page's own 404 (the payer may have a cut-short link): it says nothing about any payment.
                NotFoundHere = true;
                Response.StatusCode = StatusCodes.Status404NotFound;
                return Page();
            }

            Problem = error.Message;
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return Page();
        }

        Confirmation = confirmed.Value;
        return Page();
    }
}
