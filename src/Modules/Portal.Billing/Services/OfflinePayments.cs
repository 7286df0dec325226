using Microsoft.EntityFrameworkCore;
using Portal.Billing.Data;
using Portal.Billing.Models;
using Portal.Core.Contracts;
using Portal.Core.Data;
using Portal.Core.Errors;

namespace Portal.Billing.Services;

/// <summary>
/// What else can happen to a payment received outside the portal once recorded: its allocations read
/// back, and its removal (entered by mistake, or deleted in the practice's program). A removal gives
/// its invoices their balance back in the same transaction. Payments taken online are refunded instead.
/// </summary>
public sealed class OfflinePayments(BillingDbContext db, IAuditLog audit)
{
    public async Task<IReadOnlyList<PaymentAllocation>> AllocationsAsync(Guid paymentId, CancellationToken cancellationToken = default)
        => await db.Allocations.AsNoTracking().Where(a => a.PaymentId == paymentId).ToListAsync(cancellationToken);

    public async Task<PortalError?> RemoveAsync(Guid paymentId, string reason, CancellationToken cancellationToken = default)
    {
        var payment = await db.Payments.AsNoTracking().FirstOrDefaultAsync(p => p.Id == paymentId, cancellationToken);
        if (payment is null)
        {
            return BillingErrors.PaymentNotFound;
        }

        if (payment.Method == PaymentMethod.Online || payment.RefundedAmount > 0)
        {
            return BillingErrors.PaymentNotRemovable;
        }

        await using var transaction = await db.Database.BeginOrNestTransactionAsync(cancellationToken);
        foreach (var allocation in await AllocationsAsync(paymentId, cancellationToken))
        {
            var amount = allocation.Amount;
            await db.Invoices.Where(i => i.Id == allocation.InvoiceId).ExecuteUpdateAsync(
                s => s.SetProperty(i => i.PaidAmount, i => i.PaidAmount - amount)
                    .SetProperty(i => i.Status, i => i.Status == InvoiceStatus.Void ? InvoiceStatus.Void : i.PaidAmount - amount <= 0 ? InvoiceStatus.Open : InvoiceStatus.PartlyPaid),
                cancellationToken);
        }

        await db.Allocations.Where(a => a.PaymentId == paymentId).ExecuteDeleteAsync(cancellationToken);
        await db.Payments.Where(p => p.Id == paymentId).ExecuteDeleteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await audit.RecordAsync(new AuditEntry(BillingAuditActions.PaymentRemoved, BillingAuditTargets.Payment, paymentId.ToString(), $"{Money.Format(payment.Amount, payment.Currency)} by {payment.Method}: {reason}"), cancellationToken);
        return null;
    }
}
