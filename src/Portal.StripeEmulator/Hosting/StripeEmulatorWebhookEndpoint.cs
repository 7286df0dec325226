namespace Portal.StripeEmulator.Hosting;

/// <summary>A webhook endpoint: its URL, its signing secrets (two while one is being rolled) and whether it is a Connect endpoint.</summary>
public sealed class StripeEmulatorWebhookEndpoint
{
    public required Uri Url { get; init; }

    /// <summary>whsec_... secrets; each one adds a v1 signature to Stripe-Signature.</summary>
    public required IList<string> Secrets { get; init; }

    /// <summary>True: receives events of connected accounts (with <c>account</c> set); false: the platform's own events.</summary>
    public bool Connect { get; init; }
}
