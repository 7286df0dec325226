namespace Portal.Billing.Payments.Webhooks;

/// <summary>What the receiver made of one delivery; the endpoint turns it into Stripe's answer.</summary>
public enum WebhookReceipt
{
    /// <summary>Verified, a practice's, stored and queued (2xx).</summary>
    Stored,

    /// <summary>Verified and already stored (2xx: Stripe stops retrying).</summary>
    Duplicate,

    /// <summary>Verified but nothing for any practice here (2xx, logged: Stripe would retry for days for nothing).</summary>
    Ignored,

    /// <summary>Signature missing, wrong or stale, or not an event (400, nothing stored).</summary>
    Rejected,

    /// <summary>No webhook secret configured, or Stripe did not answer the account look-up (503: Stripe retries later).</summary>
    Unavailable,
}
