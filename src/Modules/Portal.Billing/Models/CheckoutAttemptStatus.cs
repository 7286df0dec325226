namespace Portal.Billing.Models;

/// <summary>Where a client's Pay attempt stands, as far as the portal last heard from Stripe.</summary>
public enum CheckoutAttemptStatus
{
    /// <summary>The session is (or is being) created and may still be paid.</summary>
    Open,

    /// <summary>Stripe said the session completed (paid, or a delayed method processing).</summary>
    Complete,

    /// <summary>Expired at Stripe, cancelled by the client, or replaced by an attempt for another amount.</summary>
    Expired,
}
