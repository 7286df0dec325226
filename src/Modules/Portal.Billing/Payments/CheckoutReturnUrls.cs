namespace Portal.Billing.Payments;

/// <summary>
/// Where Stripe sends the browser back: the success page (with Stripe's literal placeholder, which it
/// replaces by the session id) and the cancel page of an attempt.
/// </summary>
public sealed record CheckoutReturnUrls(string SuccessUrl, Func<Guid, string> CancelUrl)
{
    public const string SessionIdPlaceholder = "{CHECKOUT_SESSION_ID}";
}
