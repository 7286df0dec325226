using Microsoft.Extensions.Options;
using Portal.Billing.Payments;
using Portal.Core;
using Portal.Core.Tenancy;
using Portal.Web.HostAdmin;

namespace Portal.Web.Payments;

/// <summary>
/// On every start with the embedded emulator: the demo practice's Stripe account is onboarded on it, so
/// its "Set up payments" page says "Ready to accept payments" (the emulator forgets everything when it
/// stops, so this is redone each run rather than by the recipe).
/// </summary>
internal sealed class DemoPaymentsSeeder(
    EmbeddedStripeEmulator emulator,
    IOptions<DemoOptions> demo,
    TenantRegistry registry,
    TenantScopeFactory scopes,
    TenantUrls urls,
    ILogger<DemoPaymentsSeeder> logger) : IPortalStartupTask
{
    /// <summary>After <see cref="DemoPracticeSeeder"/> has created the demo practice.</summary>
    public int Order => 1;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        // Only where the emulator runs in this process: a command (verify-audit, say) must not onboard the
        // practice on an emulator of its own, which would leave the serving process's account unknown to its emulator.
        if (!emulator.IsRunning || !demo.Value.Enabled || registry.Find(demo.Value.PracticeName) is not { } practice
            || !practice.EnabledFeatures.Contains(Portal.Billing.Manifest.Feature))
        {
            return;
        }

        await using var scope = scopes.CreateScope(practice);
        var setup = urls.Link(practice, "/admin/billing/setup-payments");
        var result = await scope.ServiceProvider.GetRequiredService<EmulatorOnboarding>()
            .CompleteAsync(practice.DisplayName, new OnboardingUrls(setup, setup + "/refresh"), cancellationToken);
        if (result.Succeeded && result.Value!.Ready)
        {
            logger.LogInformation("Demo practice onboarded on the Stripe emulator: {Account}", result.Value.StripeAccountId);
        }
        else
        {
            logger.LogWarning("The demo practice could not be onboarded on the Stripe emulator: {Problem}", result.Errors.Count > 0 ? result.Errors[0].Message : "not ready");
        }
    }
}
