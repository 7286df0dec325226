using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Portal.Billing.Payments;

namespace Portal.Billing.Pages.Billing;

/// <summary>The client pages of a Pay, and the addresses Stripe sends the browser back to, made from the page names.</summary>
internal static class CheckoutPages
{
    public const string Invoice = "/Billing/Invoice";
    public const string Paid = "/Billing/Paid";
    public const string Cancelled = "/Billing/PayCancelled";

    /// <summary>Absolute, on the scheme and host the browser used, so Stripe sends it back to the same practice address.</summary>
    public static CheckoutReturnUrls For(IUrlHelper url, HttpRequest request, Guid invoiceId)
    {
        var paid = url.Page(Paid, null, new { id = invoiceId }, request.Scheme, request.Host.Value)!;
        // The placeholder is added after the page address so it is not URL-encoded: Stripe replaces it as written.
        return new CheckoutReturnUrls(
            $"{paid}?session_id={CheckoutReturnUrls.SessionIdPlaceholder}",
            attempt => url.Page(Cancelled, null, new { id = invoiceId, attempt }, request.Scheme, request.Host.Value)!);
    }
}
