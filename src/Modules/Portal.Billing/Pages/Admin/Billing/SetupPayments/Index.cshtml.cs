using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Billing.Models;
using Portal.Billing.Payments;
using Portal.Core.Security;
using Portal.Core.Settings;

namespace Portal.Billing.Pages.Admin.Billing.SetupPayments;

/// <summary>
/// Seed 004's "Setup payments": the practice's Stripe account and what Stripe still needs. Stripe's
/// return_url lands here, so a GET reads the account from Stripe (reaching return_url does not mean done).
/// </summary>
[RequirePermission(Permissions.ManagePaymentsName)]
public sealed class SetupPaymentsModel(PayoutAccounts accounts, StripeGateway stripe, SiteSettingsStore settings, ICurrentActor actor) : PageModel
{
    public bool Available => stripe.IsConfigured;

    public PayoutAccount? Account { get; private set; }

    public IReadOnlyList<string> StillNeeded { get; private set; } = [];

    public string? Problem { get; private set; }

    public async Task OnGetAsync()
    {
        Account = await accounts.FindAsync(HttpContext.RequestAborted);
        if (Account is not null && Available)
        {
            var read = await accounts.RefreshAsync(HttpContext.RequestAborted);
            Account = read.Value ?? Account;
            Problem = read.Errors.Count > 0 ? read.Errors[0].Message : null;
        }

        StillNeeded = RequirementWords.Describe(Account?.Due ?? []);
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var site = await settings.GetAsync<SiteSettings>(HttpContext.RequestAborted);
        // Stripe pre-fills onboarding with this address; an actor known only by display name gives none.
        var email = site.ContactEmail ?? (actor.Actor.Name is { } name && name.Contains('@', StringComparison.Ordinal) ? name : null);
        var started = await accounts.StartOnboardingAsync(email, OnboardingPages.For(Url, Request), HttpContext.RequestAborted);
        if (started.Succeeded)
        {
            return Redirect(started.Value!.Url);
        }

        Account = await accounts.FindAsync(HttpContext.RequestAborted);
        StillNeeded = RequirementWords.Describe(Account?.Due ?? []);
        Problem = started.Errors[0].Message;
        Response.StatusCode = started.Errors[0] == ConnectErrors.StripeDidNotAnswer ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status409Conflict;
        return Page();
    }
}
