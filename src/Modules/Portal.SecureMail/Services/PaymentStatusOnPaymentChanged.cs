using Microsoft.EntityFrameworkCore;
using Portal.Core.Events;
using Portal.SecureMail.Data;
using Portal.SecureMail.Models;

namespace Portal.SecureMail.Services;

/// <summary>Follows Billing's payment of a request onto the message (the dashboard's Paid, Partly refunded, Refunded). Idempotent: it sets, never adds.</summary>
internal sealed class PaymentStatusOnPaymentChanged(SecureMailDbContext db, TimeProvider clock) : IDomainEventHandler<PaymentRequestPaymentChanged>
{
    public async Task HandleAsync(PaymentRequestPaymentChanged domainEvent, DomainEventContext context, CancellationToken cancellationToken)
    {
        var message = await db.Messages.SingleOrDefaultAsync(m => m.Id == domainEvent.RequestId && m.Kind == SecureMessageKind.PaymentRequest, cancellationToken);
        if (message is null)
        {
            return;
        }

        // Dispatch order is not guaranteed: a late "processing" never hides an outcome already known.
        if (domainEvent.Status == PaymentRequestPaymentStatus.Processing && message.PaymentStatus is not (SecureMessagePaymentStatus.None or SecureMessagePaymentStatus.Processing))
        {
            return;
        }

        message.PaymentStatus = domainEvent.Status switch
        {
            PaymentRequestPaymentStatus.Processing => SecureMessagePaymentStatus.Processing,
            PaymentRequestPaymentStatus.Paid => SecureMessagePaymentStatus.Paid,
            PaymentRequestPaymentStatus.Failed => SecureMessagePaymentStatus.Failed,
            PaymentRequestPaymentStatus.PartlyRefunded => SecureMessagePaymentStatus.PartlyRefunded,
            PaymentRequestPaymentStatus.Refunded => SecureMessagePaymentStatus.Refunded,
            _ => message.PaymentStatus,
        };
        message.PaymentId = domainEvent.PaymentId;
        message.RefundedAmount = domainEvent.RefundedAmount;
        message.PaymentChangedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
    }
}
