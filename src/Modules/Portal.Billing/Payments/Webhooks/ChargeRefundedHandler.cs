using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Portal.Billing.Data;
using Portal.Billing.Services;
using Stripe;
using PaymentMethod = Portal.Billing.Models.PaymentMethod;

namespace Portal.Billing.Payments.Webhooks;

/// <summary>
/// charge.refunded (a refund from the portal, or one made in Stripe's dashboard): reads the charge's refunds
/// from Stripe, not from the event (events come late and out of order), and records each one not yet in the
/// books, once, by its Stripe id. A refund of a payment the books do not have yet (its Checkout event is
/// still on the way) fails the job so it is retried after the payment is recorded.
/// </summary>
public sealed class ChargeRefundedHandler(BillingDbContext db, RefundBook book, StripeGateway stripe, ILogger<ChargeRefundedHandler> logger) : IStripeEventHandler
{
    public bool Handles(string eventType) => eventType == EventTypes.ChargeRefunded;

    public async Task HandleAsync(Event stripeEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stripeEvent);
        if (stripeEvent.Data?.Object is not Charge charge)
        {
            return;
        }

        var payment = await db.Payments.AsNoTracking()
            .Where(p => p.Method == PaymentMethod.Online && (p.ChargeId == charge.Id || (charge.PaymentIntentId != null && p.PaymentIntentId == charge.PaymentIntentId)))
            .FirstOrDefaultAsync(cancellationToken);
        if (payment is null)
        {
            if (charge.Metadata?.ContainsKey(StripeMetadataKeys.Invoice) == true || charge.Metadata?.ContainsKey(StripeMetadataKeys.PaymentRequest) == true)
            {
                throw new InvalidOperationException($"Charge {charge.Id} was refunded before its payment was recorded; retry after the Checkout event.");
            }

            logger.LogInformation("charge.refunded for charge {ChargeId}, which is not a payment of this practice", charge.Id);
            return;
        }

        var options = new RefundListOptions { Charge = charge.Id, Limit = 100 };
        var requestOptions = stripeEvent.Account is { } account ? StripeGateway.On(account) : null;
        await foreach (var refund in new RefundService(stripe.Client).ListAutoPagingAsync(options, requestOptions, cancellationToken))
        {
            var ours = refund.Metadata?.GetValueOrDefault(StripeMetadataKeys.Refund) is { } text && Guid.TryParse(text, out var id) ? id : (Guid?)null;
            var recorded = await book.RecordAsync(
                new RefundRecording(ours, payment.Id, refund.Id, refund.Amount, refund.Currency ?? payment.Currency, StripeRefundWords.Reason(refund.Reason), null, StripeRefundWords.Status(refund.Status), null),
                cancellationToken);
            if (recorded.Created)
            {
                logger.LogInformation("Recorded refund {RefundId} of payment {PaymentId} from charge.refunded", refund.Id, payment.Id);
            }
        }
    }
}
