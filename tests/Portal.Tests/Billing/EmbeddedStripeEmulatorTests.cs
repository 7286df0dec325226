using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Portal.Billing.Payments;
using Portal.Core.Tenancy;
using Portal.Web.Payments;

namespace Portal.Tests.Billing;

/// <summary>The emulator embedded in Portal.Web: never in Production, and the Stripe options follow it.</summary>
public sealed class EmbeddedStripeEmulatorTests
{
    [Fact]
    public async Task Enabled_in_production_the_portal_refuses_to_start_the_emulator()
    {
        var stripe = Options.Create(new StripeOptions { Emulator = new StripeEmulatorSwitch { Enabled = true } });
        await using var emulator = new EmbeddedStripeEmulator(stripe, new EmbeddedStripeKeys(), Options.Create(new TenancyOptions { PublicUrl = "https://portal.example" }),
            new HostingEnvironment { EnvironmentName = Environments.Production }, NullLogger<EmbeddedStripeEmulator>.Instance);

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => emulator.StartingAsync(default));

        Assert.Contains("Production", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Enabled_the_stripe_options_point_at_the_emulator_with_generated_test_secrets_and_disabled_they_are_left_alone()
    {
        var keys = new EmbeddedStripeKeys();
        var enabled = new StripeOptions { SecretKey = "sk_live_configured", Emulator = new StripeEmulatorSwitch { Enabled = true } };
        var disabled = new StripeOptions { SecretKey = "sk_live_configured" };

        new EmbeddedStripeOptions(keys).PostConfigure(null, enabled);
        new EmbeddedStripeOptions(keys).PostConfigure(null, disabled);

        Assert.Equal(keys.ApiBase, enabled.ApiBase);
        Assert.StartsWith("sk_test_", enabled.SecretKey, StringComparison.Ordinal);
        Assert.StartsWith("whsec_", enabled.WebhookSecret, StringComparison.Ordinal);
        Assert.True(new StripeGateway(Options.Create(enabled)).OnEmulator);
        Assert.Equal(("sk_live_configured", null), (disabled.SecretKey, disabled.ApiBase));
        Assert.False(new StripeGateway(Options.Create(disabled)).TestMode);
    }
}
