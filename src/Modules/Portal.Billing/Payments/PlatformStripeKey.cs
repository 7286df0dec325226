namespace Portal.Billing.Payments;

/// <summary>The platform Stripe keys an operator can set in the host admin.</summary>
public enum PlatformStripeKey
{
    SecretKey,
    PublishableKey,
    WebhookSecret,
}
