using Microsoft.Extensions.Options;
using Portal.Billing.Payments;

namespace Portal.Web.Payments;

/// <summary>With <c>Emulator:Enabled</c>, the Stripe options point at the embedded emulator whatever else is configured.</summary>
internal sealed class EmbeddedStripeOptions(EmbeddedStripeKeys keys) : IPostConfigureOptions<StripeOptions>
{
    public void PostConfigure(string? name, StripeOptions options)
    {
        if (!options.Emulator.Enabled)
        {
            return;
        }

        options.ApiBase = keys.ApiBase;
        options.SecretKey = keys.SecretKey;
        options.PublishableKey = "pk_test_emulator";
        options.WebhookSecret = keys.WebhookSecret;
    }
}
