namespace Portal.Billing.Pages.Billing;

/// <summary>The pages of a secure payment request's payment, by page name (links are made from these, never written out).</summary>
internal static class PaymentRequestPages
{
    /// <summary>Checkout's success_url for a payment request: anonymous, found by the session id alone.</summary>
    public const string ThankYou = "/Billing/PaymentRequestPaid";
}
