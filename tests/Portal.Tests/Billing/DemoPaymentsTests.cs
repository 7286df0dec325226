using Microsoft.Extensions.DependencyInjection;
using Portal.Billing.Payments;
using Portal.Core.Data;
using Portal.Core.Tenancy;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Billing;

/// <summary>./run.sh's configuration (demo practice, embedded Stripe emulator): the demo practice can take payments at once.</summary>
public sealed class DemoPaymentsTests
{
    [Theory, BothDatabases]
    public async Task The_demo_practice_is_onboarded_on_the_embedded_emulator_and_says_so_in_test_mode(DatabaseProvider provider)
    {
        await using var app = await PortalApplication.StartAsync(provider, options => options
            .Set("Portal:Demo:Enabled", "true")
            .Set("Portal:Demo:Password", "Portal-Demo-2026!")
            .Set("Portal:Payments:Stripe:Emulator:Enabled", "true"));
        var practice = app.Get<TenantRegistry>().Find("demo")!;

        var stored = await app.InPracticeAsync(practice, sp => sp.GetRequiredService<PayoutAccounts>().FindAsync());
        var admin = await app.InPracticeAsync(practice, sp => sp.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Portal.Identity.Models.PortalUser>>().FindByEmailAsync("admin@demo.example"));
        var browser = await app.SignedInClientAsync(practice, admin!, "Portal-Demo-2026!");
        var page = await browser.GetStringAsync("admin/billing/setup-payments");

        Assert.NotNull(stored);
        Assert.True(stored.Ready);
        Assert.StartsWith("acct_", stored.StripeAccountId, StringComparison.Ordinal);
        Assert.Contains("Ready to accept payments", page, StringComparison.Ordinal);
        Assert.Contains("Test mode", page, StringComparison.Ordinal);
        Assert.True(app.Get<StripeGateway>().OnEmulator);
    }
}
