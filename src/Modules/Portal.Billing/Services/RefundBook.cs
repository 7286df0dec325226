using Microsoft.EntityFrameworkCore;
using Portal.Billing.Data;
using Portal.Billing.Models;
using Portal.Core.Contracts;
using Portal.Core.Data;
using Portal.Core.Events;

namespace Portal.Billing.Services;

/// <summary>
/// Puts refunds into the books exactly once per Stripe refund id, whoever reports it first (the refund form,
/// or charge.refunded for one made in Stripe's dashboard). In one transaction: the payment's refunded amount
/// moves by a conditional update on the amount read (so two refunds recorded at once cannot both split from
/// the same starting point), the invoice's paid amount goes down by the invoice's part (<see cref="RefundSplit"/>)
/// by a conditional update, and the row is inserted under its unique Stripe id; a duplicate rolls it all back.
/// A payment request's payment also publishes <see cref="PaymentRequestPaymentChanged"/> in that transaction.
/// </summary>
public sealed class RefundBook(BillingDbContext db, IAuditLog audit, IDomainEventPublisher events, TimeProvider clock)
{
    private const int Attempts = 5;

    public async Task<IReadOnlyList<Refund>> ForPaymentAsync(Guid paymentId, CancellationToken cancellationToken = default)
        => await db.Refunds.AsNoTracking().Where(r => r.PaymentId == paymentId).OrderBy(r => r.CreatedAt).ThenBy(r => r.Id).ToListAsync(cancellationToken);

    /// <summary>The refunds of the payments that paid part of an invoice (the invoice's page shows them, to staff and client).</summary>
    public async Task<IReadOnlyList<Refund>> ForInvoiceAsync(Guid invoiceId, CancellationToken cancellationToken = default)
        => await (from r in db.Refunds.AsNoTracking()
                  join a in db.Allocations.AsNoTracking() on r.PaymentId equals a.PaymentId
                  where a.InvoiceId == invoiceId
                  orderby r.CreatedAt, r.Id
                  select r).ToListAsync(cancellationToken);

    /// <summary>The invoices a payment paid and how much of it went to each (the payment's page, beside its refunds).</summary>
    public async Task<IReadOnlyList<(Invoice Invoice, long Amount)>> AllocationsAsync(Guid paymentId, CancellationToken cancellationToken = default)
    {
        var rows = await (from a in db.Allocations.AsNoTracking()
                          join i in db.Invoices.AsNoTracking() on a.InvoiceId equals i.Id
                          where a.PaymentId == paymentId
                          orderby i.DueDate, i.Id
                          select new { i, a.Amount }).ToListAsync(cancellationToken);
        return [.. rows.Select(r => (r.i, r.Amount))];
    }

    public Task<Refund?> FindByStripeIdAsync(string stripeRefundId, CancellationToken cancellationToken = default)
        => db.Refunds.AsNoTracking().FirstOrDefaultAsync(r => r.StripeRefundId == stripeRefundId, cancellationToken);

    public async Task<RecordedRefund> RecordAsync(RefundRecording recording, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(recording);
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            if (await FindByStripeIdAsync(recording.StripeRefundId, cancellationToken) is { } existing)
            {
                return new RecordedRefund(existing, false);
            }

            var payment = await db.Payments.AsNoTracking().FirstAsync(p => p.Id == recording.PaymentId, cancellationToken);
            if (await TryRecordAsync(recording, payment, cancellationToken) is { } recorded)
            {
                await audit.RecordAsync(
                    new AuditEntry(BillingAuditActions.PaymentRefunded, BillingAuditTargets.Payment, payment.Id.ToString(), $"refunded {Money.Format(recorded.Amount, recorded.Currency)} ({recorded.StripeRefundId})"),
                    cancellationToken);
                return new RecordedRefund(recorded, true);
            }
        }

        throw new InvalidOperationException($"Refund {recording.StripeRefundId} could not be recorded: payment {recording.PaymentId} kept changing.");
    }

    /// <summary>One try; null when another refund of the payment was recorded meanwhile or this one already was (the caller reads again).</summary>
    private async Task<Refund?> TryRecordAsync(RefundRecording recording, Payment payment, CancellationToken cancellationToken)
    {
        var counts = recording.Status is RefundStatus.Pending or RefundStatus.RequiresAction or RefundStatus.Succeeded;
        var given = counts ? Math.Clamp(recording.Amount, 0, payment.Amount - payment.RefundedAmount) : 0;
        var allocation = await db.Allocations.AsNoTracking().Where(a => a.PaymentId == payment.Id).OrderBy(a => a.Id).FirstOrDefaultAsync(cancellationToken);
        var invoicePart = allocation is not null && PaymentRules.Counted.Contains(payment.Status)
            ? RefundSplit.InvoicePart(payment.RefundedAmount, given, payment.UnallocatedAmount, allocation.Amount)
            : 0;
        var refunded = payment.RefundedAmount + given;
        var status = given > 0 && PaymentRules.Counted.Contains(payment.Status)
            ? refunded >= payment.Amount ? PaymentStatus.Refunded : PaymentStatus.PartlyRefunded
            : payment.Status;

        await using var transaction = await db.Database.BeginOrNestTransactionAsync(cancellationToken);
        var moved = await db.Payments.Where(p => p.Id == payment.Id && p.RefundedAmount == payment.RefundedAmount && p.Status == payment.Status)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.RefundedAmount, refunded).SetProperty(p => p.Status, status), cancellationToken);
        if (moved == 0)
        {
            await transaction.RollbackAsync(cancellationToken);
            return null;
        }

        if (invoicePart > 0 && !await LowerPaidAsync(allocation!.InvoiceId, invoicePart, cancellationToken))
        {
            // The invoice holds less than its share (it cannot, short of a hand edit): keep the books consistent rather than go negative.
            invoicePart = 0;
        }

        var row = new Refund
        {
            Id = recording.Id ?? Guid.CreateVersion7(),
            PaymentId = payment.Id,
            StripeRefundId = recording.StripeRefundId,
            Amount = recording.Amount,
            Currency = recording.Currency.ToUpperInvariant(),
            InvoiceAmount = invoicePart,
            InvoiceId = allocation?.InvoiceId,
            Reason = recording.Reason,
            Note = string.IsNullOrWhiteSpace(recording.Note) ? null : recording.Note.Trim(),
            Status = recording.Status,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            CreatedBy = recording.CreatedBy,
        };
        db.Refunds.Add(row);
        if (given > 0 && payment.PaymentRequestId is { } requestId && status is PaymentStatus.Refunded or PaymentStatus.PartlyRefunded)
        {
            // Each refund that gives money back is a change the sender's dashboard follows (a second partial one too).
            var changed = status == PaymentStatus.Refunded ? PaymentRequestPaymentStatus.Refunded : PaymentRequestPaymentStatus.PartlyRefunded;
            events.Publish(db, new PaymentRequestPaymentChanged(requestId, payment.Id, changed, payment.Amount, payment.FeeAmount, refunded, payment.Currency));
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return row;
        }
        catch (DbUpdateException)
        {
            // Recorded meanwhile (the unique Stripe id, or our own id from the metadata): nothing of this try stays.
            await transaction.RollbackAsync(cancellationToken);
            return null;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>One statement: the paid amount goes down only while it stays at or above zero, and the status follows.</summary>
    private async Task<bool> LowerPaidAsync(Guid invoiceId, long amount, CancellationToken cancellationToken)
        => await db.Invoices
            .Where(i => i.Id == invoiceId && i.PaidAmount >= amount)
            .ExecuteUpdateAsync(
                s => s.SetProperty(i => i.PaidAmount, i => i.PaidAmount - amount)
                    .SetProperty(i => i.Status, i => i.Status == InvoiceStatus.Void ? InvoiceStatus.Void : i.PaidAmount - amount == 0 ? InvoiceStatus.Open : InvoiceStatus.PartlyPaid),
                cancellationToken) == 1;
}
