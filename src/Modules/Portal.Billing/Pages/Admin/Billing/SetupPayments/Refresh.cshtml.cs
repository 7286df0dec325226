using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Billing.Payments;
using Portal.Core.Security;

namespace Portal.Billing.Pages.Admin.Billing.SetupPayments;

/// <summary>
/// Stripe's refresh_url: the onboarding link expired or was used, so mint a new one and go straight back
/// to Stripe. A GET because Stripe redirects the browser here; it creates nothing but a link.
/// </summary>
[RequirePermission(Permissions.ManagePaymentsName)]
public sealed class RefreshOnboardingModel(PayoutAccounts accounts) : PageModel
{
    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var link = await accounts.NewLinkAsync(OnboardingPages.For(Url, Request), HttpContext.RequestAborted);
        if (link.Succeeded)
        {
            return Redirect(link.Value!.Url);
        }

        // Not started, or no keys: the setup page says which, and offers the button when there is one to press.
        if (link.Errors[0] != ConnectErrors.StripeDidNotAnswer)
        {
            return RedirectToPage(OnboardingPages.Setup);
        }

        Problem = link.Errors[0].Message;
        Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        return Page();
    }
}
