using Microsoft.EntityFrameworkCore;
using Portal.Billing.Data;
using Portal.Billing.Models;
using Portal.Core.Contracts;
using Portal.Core.Time;
using Portal.Reports.Data;
using Portal.Reports.Journals;

namespace Portal.Reports.Exports;

/// <summary>
/// The practice's money movements as the books see them, read from Billing: payments received (paid,
/// partly refunded, refunded) on their transaction date, and refunds that went through (Stripe said
/// succeeded) on the practice's date of the refund. Only the home currency: an import file carries no
/// currency. What an earlier export for the same program took is left out.
/// </summary>
/// <remarks>
/// The fee line is Billing's pass-through fee (<see cref="Payment.FeeAmount"/>), the one fee the portal
/// knows; Stripe's own processing fee is not recorded by Billing yet. A refund gives the fee back last,
/// as Billing splits refunds (docs/architecture.md, Billing: how a refund splits), so its fee part is
/// what of the payment's fee the refunds up to and including it reach into.
/// Lookups by payment or client id go in chunks of <see cref="LookupChunkSize"/> ids: EF Core sends a
/// list as one parameter per id, and a year of payments is more ids than SQLite takes in one command
/// (32,766 variables; 100,000 payments failed there).
/// </remarks>
public sealed class AccountingTransactionSource(BillingDbContext billing, ReportsDbContext reports, IClientDirectory clients, IPracticeClock clock)
{
    private static readonly PaymentStatus[] Received = [PaymentStatus.Succeeded, PaymentStatus.PartlyRefunded, PaymentStatus.Refunded];

    internal int LookupChunkSize { get; init; } = 1_000;

    public async Task<IReadOnlyList<ExportableTransaction>> NotExportedAsync(JournalFileFormat program, string currency, DateOnly? from, DateOnly? to, CancellationToken cancellationToken)
    {
        var exported = reports.ExportItems.AsNoTracking().Where(i => i.Program == program).Select(i => i.TransactionId);
        var exportedIds = (await exported.ToListAsync(cancellationToken)).ToHashSet();
        var zone = await clock.ZoneAsync(cancellationToken);

        var payments = billing.Payments.AsNoTracking().Where(p => Received.Contains(p.Status) && p.Currency == currency);
        if (from is { } f)
        {
            payments = payments.Where(p => p.ReceivedOn >= f);
        }

        if (to is { } t)
        {
            payments = payments.Where(p => p.ReceivedOn <= t);
        }

        var newPayments = (await payments.ToListAsync(cancellationToken)).Where(p => !exportedIds.Contains(p.Id)).ToList();

        var refunds = billing.Refunds.AsNoTracking().Where(r => r.Status == RefundStatus.Succeeded && r.Currency == currency);
        if (from is { } rf)
        {
            var start = zone.StartOfDayUtc(rf);
            refunds = refunds.Where(r => r.CreatedAt >= start);
        }

        if (to is { } rt)
        {
            var end = zone.StartOfDayUtc(rt.AddDays(1));
            refunds = refunds.Where(r => r.CreatedAt < end);
        }

        var newRefunds = (await refunds.ToListAsync(cancellationToken)).Where(r => !exportedIds.Contains(r.Id)).ToList();

        // Refunds need their payment (amount, fee, client) and every earlier refund of it, exported or not.
        var refundedIds = newRefunds.Select(r => r.PaymentId).Distinct().ToList();
        var refundedPayments = (await InChunksAsync(refundedIds, ids => billing.Payments.AsNoTracking().Where(p => ids.Contains(p.Id)), cancellationToken))
            .ToDictionary(p => p.Id);
        var siblings = (await InChunksAsync(refundedIds, ids => billing.Refunds.AsNoTracking().Where(r => ids.Contains(r.PaymentId) && r.Status == RefundStatus.Succeeded), cancellationToken))
            .GroupBy(r => r.PaymentId)
            .ToDictionary(g => g.Key, g => g.OrderBy(r => r.CreatedAt).ThenBy(r => r.Id).ToList());

        var paymentIds = newPayments.Select(p => p.Id).Concat(refundedIds).Distinct().ToList();
        var invoiceNumbers = (await InChunksAsync(
                paymentIds,
                ids => billing.Allocations.AsNoTracking()
                    .Where(a => ids.Contains(a.PaymentId))
                    .Join(billing.Invoices, a => a.InvoiceId, i => i.Id, (a, i) => new { a.PaymentId, i.Number }),
                cancellationToken))
            .GroupBy(a => a.PaymentId)
            .ToDictionary(g => g.Key, g => string.Join(", ", g.Select(a => a.Number).Distinct().Order(StringComparer.Ordinal)));
        var names = new Dictionary<Guid, ClientSummary>();
        foreach (var ids in newPayments.Select(p => p.ClientId).Concat(refundedPayments.Values.Select(p => p.ClientId)).Distinct().Chunk(LookupChunkSize))
        {
            foreach (var (id, client) in await clients.FindManyAsync(ids, cancellationToken))
            {
                names[id] = client;
            }
        }

        string Customer(Guid clientId) => names.TryGetValue(clientId, out var client) ? client.Name : "Unknown client";

        var result = new List<(DateOnly Date, int Order, Guid Id, ExportableTransaction Item)>();
        foreach (var payment in newPayments)
        {
            var transaction = new AccountingTransaction(
                AccountingTransactionKind.Payment,
                payment.ReceivedOn,
                Customer(payment.ClientId),
                invoiceNumbers.GetValueOrDefault(payment.Id),
                ReferenceOf(payment),
                payment.Amount,
                payment.FeeAmount,
                payment.Currency);
            result.Add((payment.ReceivedOn, 0, payment.Id, new ExportableTransaction(payment.Id, transaction)));
        }

        foreach (var refund in newRefunds)
        {
            if (!refundedPayments.TryGetValue(refund.PaymentId, out var payment))
            {
                continue;
            }

            var date = DateOnly.FromDateTime(zone.ToLocal(refund.CreatedAt));
            var transaction = new AccountingTransaction(
                AccountingTransactionKind.Refund,
                date,
                Customer(payment.ClientId),
                invoiceNumbers.GetValueOrDefault(payment.Id),
                refund.StripeRefundId,
                refund.Amount,
                FeePart(payment, siblings[payment.Id], refund),
                refund.Currency);
            result.Add((date, 1, refund.Id, new ExportableTransaction(refund.Id, transaction)));
        }

        return [.. result.OrderBy(r => r.Date).ThenBy(r => r.Order).ThenBy(r => r.Id).Select(r => r.Item)];
    }

    /// <summary>The part of the payment's fee this refund gives back: refunds reach the fee only after the rest of the payment.</summary>
    internal static long FeePart(Payment payment, IReadOnlyList<Refund> refundsInOrder, Refund refund)
    {
        var beforeFee = payment.Amount - payment.FeeAmount;
        long before = 0;
        foreach (var earlier in refundsInOrder)
        {
            if (earlier.Id == refund.Id)
            {
                break;
            }

            before += earlier.Amount;
        }

        var after = before + refund.Amount;
        return Math.Max(0, after - beforeFee) - Math.Max(0, before - beforeFee);
    }

    private async Task<List<T>> InChunksAsync<T>(List<Guid> ids, Func<Guid[], IQueryable<T>> query, CancellationToken cancellationToken)
    {
        var found = new List<T>();
        foreach (var chunk in ids.Chunk(LookupChunkSize))
        {
            found.AddRange(await query(chunk).ToListAsync(cancellationToken));
        }

        return found;
    }

    private static string ReferenceOf(Payment payment)
        => payment.ChargeId ?? payment.PaymentIntentId ?? (string.IsNullOrWhiteSpace(payment.Reference) ? "PAY-" + payment.Id.ToString("N")[^8..] : payment.Reference);
}
