using Microsoft.EntityFrameworkCore;
using Portal.Billing.Data;
using Portal.Billing.Models;
using Portal.Billing.Services;

namespace Portal.Billing.Payments;

/// <summary>
/// Completes a practice's onboarding on the built-in Stripe emulator, through its hosted form as a person
/// would, so the demo practice can take payments right after ./run.sh. Refuses to run against Stripe.
/// </summary>
public sealed class EmulatorOnboarding(PayoutAccounts accounts, StripeGateway stripe, BillingDbContext db)
{
    public async Task<BillingResult<PayoutAccount>> CompleteAsync(string businessName, OnboardingUrls urls, CancellationToken cancellationToken = default)
    {
        if (!stripe.OnEmulator)
        {
            throw new InvalidOperationException("Onboarding is completed automatically on the Stripe emulator only.");
        }

        if (await accounts.FindAsync(cancellationToken) is { } stored)
        {
            var read = await accounts.RefreshAsync(cancellationToken);
            if (read.Succeeded && read.Value!.Ready)
            {
                return read;
            }

            // The emulator forgets everything when it stops: an account stored by an earlier run is unknown to it now.
            if (!read.Succeeded && read.Errors[0].Code == ConnectErrors.StripeRefused(null).Code)
            {
                await db.PayoutAccounts.Where(a => a.StripeAccountId == stored.StripeAccountId).ExecuteDeleteAsync(cancellationToken);
            }
        }

        var link = await accounts.StartOnboardingAsync(null, urls, cancellationToken);
        if (!link.Succeeded)
        {
            return BillingResult.Fail<PayoutAccount>(link.Errors);
        }

        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["business_name"] = businessName });
        using var submitted = await browser.PostAsync(new Uri(link.Value!.Url), form, cancellationToken);
        return await accounts.RefreshAsync(cancellationToken);
    }
}
