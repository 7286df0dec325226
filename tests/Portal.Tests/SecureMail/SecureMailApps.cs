using Portal.Tests.Billing;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.SecureMail;

/// <summary>
/// Apps for the secure e-mail tests: the real SMTP server, and the real Billing and Plans behind the compose and
/// Pay pages, on the Stripe emulator with its webhooks wired to the portal (as the Billing tests run them).
/// </summary>
public sealed class SecureMailApps : StripeWebhookApps
{
    protected override void Configure(PortalApplicationOptions options)
    {
        base.Configure(options);
        options.UseSmtpServer();
    }
}
