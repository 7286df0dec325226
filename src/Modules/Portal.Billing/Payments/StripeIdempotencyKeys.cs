namespace Portal.Billing.Payments;

/// <summary>
/// Idempotency keys derived from what a call does, so a retry (Stripe.net's, or a person clicking again)
/// sends the same key and Stripe answers the first result instead of doing it twice.
/// </summary>
public static class StripeIdempotencyKeys
{
    /// <summary>A practice has one connected account, ever: the key is the practice's.</summary>
    public static string ConnectedAccount(Guid practiceId) => $"portal-connect-account-{practiceId:N}";

    /// <summary>Account links are single use, so each one the person asks for is a new operation.</summary>
    public static string AccountLink(string accountId, Guid attempt) => $"portal-connect-link-{accountId}-{attempt:N}";

    /// <summary>One Checkout Session per Pay attempt: parallel clicks and retries that share the attempt share the session.</summary>
    public static string CheckoutSession(Guid attemptId) => $"portal-checkout-session-{attemptId:N}";

    /// <summary>Expiring an attempt's session (cancelled, or replaced by a Pay for another amount).</summary>
    public static string CheckoutExpire(Guid attemptId) => $"portal-checkout-expire-{attemptId:N}";

    /// <summary>One refund attempt (the form carries it): a repeated or retried submit refunds once.</summary>
    public static string Refund(Guid attempt) => $"portal-refund-{attempt:N}";
}
