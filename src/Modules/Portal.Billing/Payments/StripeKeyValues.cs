namespace Portal.Billing.Payments;

/// <summary>
/// The platform's Stripe keys as the host admin set them (each null when not set there). Secrets: never
/// printed (<see cref="ToString"/> names no value), so a log line or an exception cannot carry them.
/// </summary>
public sealed record StripeKeyValues(string? SecretKey, string? PublishableKey, string? WebhookSecret)
{
    public static readonly StripeKeyValues None = new(null, null, null);

    public override string ToString() => "StripeKeyValues (secret)";
}
