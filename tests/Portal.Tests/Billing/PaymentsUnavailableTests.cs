using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Billing.Data;
using Portal.Core.Data;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Billing;

/// <summary>Without the platform's Stripe keys, payments are simply unavailable: said plainly, never a 500.</summary>
public sealed class PaymentsUnavailableTests(SharedApps apps) : IClassFixture<SharedApps>
{
    [Theory, BothDatabases]
    public async Task Without_a_key_the_setup_page_says_payments_are_unavailable_and_a_post_changes_nothing(DatabaseProvider provider)
    {
        var scenario = await BillingScenario.CreateAsync(await apps.For(provider));
        var admin = await scenario.App.SignedInClientAsync(scenario.Practice, scenario.Admin);

        var page = await admin.GetAsync("admin/billing/setup-payments");
        var token = await admin.AntiforgeryTokenAsync("admin/billing/settings");
        var posted = await admin.PostAsync("admin/billing/setup-payments", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var text = await page.Content.ReadAsStringAsync();
        Assert.Contains("Online payments are not available on this portal", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Test mode", text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, posted.StatusCode);
        Assert.Contains("Stripe keys are not configured", await posted.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(await scenario.InPracticeAsync(sp => sp.GetRequiredService<BillingDbContext>().PayoutAccounts.ToListAsync()));
    }
}
