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

    /// <summary>One refund attempt (the form carries it): a repeated or retried submit refunds once.</summary>
    public static string Refund(Guid attempt) => $"portal-refund-{attempt:N}";
}
