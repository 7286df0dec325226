using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Portal.Billing.Data;
using Portal.Billing.Models;
using Portal.Billing.Services;
using Portal.Core.Time;
using Stripe.Checkout;

namespace Portal.Billing.Payments;

/// <summary>
/// Puts what Stripe says of a Checkout Session into the books. The webhook's job, reconciliation and the
/// success page all come here with a session read from Stripe, in any order and any number of times:
/// the session id is the payment's provider key, so a session is recorded once and only moves forward
/// (processing to paid or failed; never back). A secure payment request's session (the request in its metadata,
/// no invoice) is recorded for the request's client with what its attempt kept (subject, invoice number, sender).
/// </summary>
public sealed class CheckoutSettlement(BillingDbContext db, PaymentLedger ledger, IPracticeClock clock, ILogger<CheckoutSettlement> logger)
{
    /// <param name="session">The session as Stripe answers it now (retrieved, or the object of a signed event).</param>
    /// <param name="asyncPaymentFailed">The event was checkout.session.async_payment_failed: the session itself still reads "unpaid".</param>
    public async Task<CheckoutOutcome> ApplyAsync(Session session, bool asyncPaymentFailed, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        var invoiceId = Guid.TryParse(session.Metadata?.GetValueOrDefault(StripeMetadataKeys.Invoice), out var invoice) ? invoice : (Guid?)null;
        var requestId = Guid.TryParse(session.Metadata?.GetValueOrDefault(StripeMetadataKeys.PaymentRequest), out var request) ? request : (Guid?)null;
        if (invoiceId is null && requestId is null)
        {
            return CheckoutOutcome.NotOurs;
        }

        if (session.Status == "expired")
        {
            return CheckoutOutcome.Expired;
        }

        if (session.Status != "complete")
        {
            return CheckoutOutcome.Open;
        }

        var status = session.PaymentStatus is "paid" or "no_payment_required"
            ? PaymentStatus.Succeeded
            : asyncPaymentFailed ? PaymentStatus.Failed : PaymentStatus.Processing;
        _ = long.TryParse(session.Metadata!.GetValueOrDefault(StripeMetadataKeys.Fee), out var fee);
        PaymentRequestFacts? facts = null;
        if (invoiceId is null)
        {
            facts = await RequestFactsAsync(session, requestId!.Value, cancellationToken);
            if (facts is null)
            {
                logger.LogError("Checkout Session {SessionId} pays payment request {RequestId}, which has no checkout attempt here: not recorded", session.Id, requestId);
                return CheckoutOutcome.NotOurs;
            }
        }

        var draft = new OnlinePaymentDraft(
            session.Id,
            invoiceId,
            session.AmountTotal ?? 0,
            Math.Max(fee, 0),
            session.Currency ?? "",
            status,
            await clock.TodayAsync(cancellationToken))
        {
            CheckoutSessionId = session.Id,
            PaymentIntentId = session.PaymentIntentId,
            ChargeId = session.PaymentIntent?.LatestChargeId,
            Request = facts,
        };
        var recorded = await ledger.RecordOnlineAsync(draft, cancellationToken);
        if (!recorded.Succeeded)
        {
            // A session of ours that the books refuse (the invoice was deleted, the amounts are not ours):
            // the money is at Stripe, so say so loudly for staff to refund rather than throw forever.
            logger.LogError("Checkout Session {SessionId} for invoice {InvoiceId} / request {RequestId} could not be recorded: {Errors}", session.Id, invoiceId, requestId, string.Join("; ", recorded.Errors.Select(e => e.Message)));
            return CheckoutOutcome.NotOurs;
        }

        var payment = recorded.Value!.Payment;
        if (!recorded.Value.Created && payment.Status != status)
        {
            payment = (await ledger.SetOnlineStatusAsync(session.Id, status, cancellationToken)).Value ?? payment;
        }

        return payment.Status switch
        {
            PaymentStatus.Succeeded or PaymentStatus.Refunded or PaymentStatus.PartlyRefunded => CheckoutOutcome.Paid,
            PaymentStatus.Failed => CheckoutOutcome.Failed,
            _ => CheckoutOutcome.Processing,
        };
    }

    /// <summary>
    /// The request's facts from the attempt that made the session; an attempt whose session id was never saved
    /// (the portal died between Stripe's answer and the update) gives them through the request: they are the request's.
    /// </summary>
    private async Task<PaymentRequestFacts?> RequestFactsAsync(Session session, Guid requestId, CancellationToken cancellationToken)
    {
        var attempt = await db.CheckoutAttempts.AsNoTracking().FirstOrDefaultAsync(a => a.SessionId == session.Id && a.PaymentRequestId == requestId, cancellationToken)
            ?? await db.CheckoutAttempts.AsNoTracking().Where(a => a.PaymentRequestId == requestId).OrderByDescending(a => a.CreatedAt).FirstOrDefaultAsync(cancellationToken);
        return attempt?.ClientId is { } clientId
            ? new PaymentRequestFacts(requestId, clientId, attempt.Description, attempt.InvoiceNumber, attempt.RequestedBy)
            : null;
    }
}
