using Microsoft.EntityFrameworkCore;
using Portal.Billing.Services;
using Portal.Core.Contracts;
using Portal.Core.Events;
using Portal.SecureMail.Data;
using Portal.SecureMail.Models;

namespace Portal.SecureMail.Services;

/// <summary>
/// Follows Billing's payment of a request onto the message (the dashboard's Paid, Partly refunded, Refunded). Idempotent: it sets, never adds.
/// A payment that arrives for a request already revoked, locked or expired (its Checkout page paid in the moment it
/// was closed) is money taken all the same: Billing has recorded it and sent the receipt, so the message says Paid too,
/// notes when, and its sender is told, by audit and e-mail, to keep or refund it.
/// </summary>
/// <remarks>
/// The sender is told before the message is saved, because the saved mark is what a retry reads as
/// "already told": a failure in between (the audit trail or the mail queue) leaves the mark unset and
/// the retry tells again. The e-mail is queued under an id of its own, so it goes once; the audit
/// entry may be written twice if the save itself fails after it, never not at all.
/// </remarks>
internal sealed class PaymentStatusOnPaymentChanged(SecureMailDbContext db, SecureMessageMail mail, IAuditLog audit, TimeProvider clock) : IDomainEventHandler<PaymentRequestPaymentChanged>
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
        var closed = domainEvent.Status is PaymentRequestPaymentStatus.Paid or PaymentRequestPaymentStatus.Processing
            && message.PaidAfterClosingAt is null
            && message.IsClosedAt(context.OccurredAt);
        if (closed)
        {
            message.PaidAfterClosingAt = context.OccurredAt;
            var how = message.RevokedAt is not null ? "revoked" : message.LockedAt is not null ? "locked" : "expired";
            await mail.QueuePaidAfterClosingAsync(message, how, Money.Format(domainEvent.Amount, domainEvent.Currency), cancellationToken);
            await audit.RecordAsync(new AuditEntry(SecureMailAuditActions.PaidAfterClosing, SecureMailAuditTargets.SecureMessage, message.Id.ToString(), $"paid after it was {how}") { ActorName = message.RecipientEmail }, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
