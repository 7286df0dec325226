namespace Portal.Billing.Payments;

/// <summary>
/// The platform's Stripe account (configuration section <c>Portal:Payments:Stripe</c>, docs/operations.md).
/// One set of keys serves every practice: each practice is paid into its own connected account.
/// </summary>
public sealed class StripeOptions
{
    public const string Section = "Portal:Payments:Stripe";

    /// <summary>The platform address Stripe sends events to (the webhook receiver listens there).</summary>
    public const string WebhookPath = "/stripe/webhook";

    /// <summary>sk_test_... or sk_live_...; empty: online payments are unavailable.</summary>
    public string? SecretKey { get; set; }

    public string? PublishableKey { get; set; }

    /// <summary>The whsec_... secret of the portal's webhook endpoint (the webhook receiver reads it).</summary>
    public string? WebhookSecret { get; set; }

    /// <summary>Empty: Stripe itself. The demo and the tests point it at the Stripe emulator.</summary>
    public string? ApiBase { get; set; }

    /// <summary>The country of the connected accounts the portal creates for practices.</summary>
    public string ConnectCountry { get; set; } = "CA";

    /// <summary>Retries of a failed call (429, 5xx, network) with the same Idempotency-Key.</summary>
    public int MaxNetworkRetries { get; set; } = 2;

    /// <summary>How long one call to Stripe may take.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    public StripeEmulatorSwitch Emulator { get; set; } = new();

    /// <summary>Cron (practice time zone) of the reconciliation job that recovers missed webhooks.</summary>
    public string ReconcileSchedule { get; set; } = DefaultReconcileSchedule;

    /// <summary>How far back reconciliation lists the connected account's events (Stripe retries a webhook for 3 days).</summary>
    public TimeSpan ReconcileLookback { get; set; } = TimeSpan.FromDays(3);

    public const string DefaultReconcileSchedule = "*/10 * * * *";
}
