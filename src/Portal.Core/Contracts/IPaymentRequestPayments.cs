namespace Portal.Core.Contracts;

/// <summary>
/// Secure payment requests are paid through the practice's own payments (the Billing module): the same
/// Stripe account, fee rules and books as invoices. The module that sends the requests asks here whether
/// the practice can be paid, what the pass-through fee is, and for the Checkout address when the recipient
/// clicks Pay. When Checkout's outcome reaches the books (webhook, reconciliation or the return page), Billing
/// records the payment, allocates it to the client's portal invoice with the request's number if there is
/// one, sends the receipt, and publishes <see cref="Events.PaymentRequestPaymentChanged"/>.
/// </summary>
public interface IPaymentRequestPayments
{
    /// <summary>Null when the practice can take a payment in <paramref name="currency"/> now; otherwise why not, in words for the sender.</summary>
    Task<string?> UnavailableReasonAsync(string currency, CancellationToken cancellationToken = default);

    /// <summary>The fee the client pays on top of <paramref name="amount"/> when the request includes it (the practice's formula; none in a no-fee province).</summary>
    Task<long> FeeAsync(Guid clientId, long amount, string currency, CancellationToken cancellationToken = default);

    /// <summary>Opens Checkout for the request (or hands out its open session again) and answers where to send the browser.</summary>
    Task<PaymentRequestCheckout> StartCheckoutAsync(PaymentRequestCharge charge, CancellationToken cancellationToken = default);

    /// <summary>
    /// Closes the request's open Checkout page (the request was revoked or locked): Stripe expires it, so a page the
    /// payer left open can no longer be paid. A session paid meanwhile is put into the books as usual.
    /// False when Stripe could not be reached (the page then ends at its own expiry).
    /// </summary>
    Task<bool> CloseCheckoutAsync(Guid requestId, CancellationToken cancellationToken = default);
}

/// <param name="RequestId">The request: the Checkout metadata and the key of everything Billing records for it.</param>
/// <param name="ClientId">The client the request is for (a payment always belongs to a client).</param>
/// <param name="Description">The request's subject: the Checkout line and the payment's description.</param>
/// <param name="InvoiceNumber">The practice's invoice number the request is for, when given: allocated to that portal invoice of the client if it exists.</param>
/// <param name="Amount">Minor units, before any fee.</param>
/// <param name="RequestedBy">The staff member who sent the request (the reports' "Requested by").</param>
/// <param name="CancelUrl">Where Checkout's back link returns: a page that leads an unlocked browser back to the request. It must not hold the link's token (Stripe and the books keep it).</param>
/// <param name="PayableUntil">The request's expiry (UTC): the Checkout page closes then at the latest; with less than Stripe's 30 minutes left, Checkout is refused.</param>
public sealed record PaymentRequestCharge(
    Guid RequestId,
    Guid ClientId,
    string PayerEmail,
    string Description,
    string? InvoiceNumber,
    long Amount,
    string Currency,
    bool IncludeFee,
    Guid RequestedBy,
    Uri CancelUrl,
    DateTime PayableUntil);

/// <summary>Where to send the browser (Checkout's page, or the thank-you page when it is paid already), or why not, in words for the payer.</summary>
public sealed record PaymentRequestCheckout(Uri? RedirectTo, string? Error)
{
    public bool Succeeded => RedirectTo is not null;
}
