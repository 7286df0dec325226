using System.Runtime.CompilerServices;
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
/// Payments come a page at a time (<see cref="PageSize"/>), ordered by date then id, each page starting
/// after the last payment of the one before (keyset, as <see cref="Services.PaymentReportSource"/>), with
/// the page's exported ids, invoice numbers and client names looked up once per page: memory holds one
/// page however many payments a year has. Refunds are read the same way, a page at a time by (created, id),
/// alongside, each placed after the payments of its date, so the order is the one of the whole: date,
/// payments before refunds, id.
/// The fee line is Billing's pass-through fee (<see cref="Payment.FeeAmount"/>), the one fee the portal
/// knows; Stripe's own processing fee is not recorded by Billing yet. A refund gives the fee back last,
/// as Billing splits refunds (docs/architecture.md, Billing: how a refund splits), so its fee part is
/// what of the payment's fee the refunds up to and including it reach into.
/// Lookups by id go in chunks of <see cref="LookupChunkSize"/> ids: EF Core sends a list as one
/// parameter per id, and SQLite takes at most 32,766 variables in one command (the refunds of a year
/// can be more ids than that; a page is not, but a page size is no promise about SQLite's limit).
/// </remarks>
public sealed class AccountingTransactionSource(BillingDbContext billing, ReportsDbContext reports, IClientDirectory clients, IPracticeClock clock)
{
    private const string UnknownClient = "Unknown client";

    private static readonly PaymentStatus[] Received = [PaymentStatus.Succeeded, PaymentStatus.PartlyRefunded, PaymentStatus.Refunded];

    internal int LookupChunkSize { get; init; } = 1_000;

    internal int PageSize { get; init; } = 500;

    /// <summary>Everything not exported yet in one list: for a small export or a test; an export itself reads <see cref="NotExportedPagesAsync"/>.</summary>
    public async Task<IReadOnlyList<ExportableTransaction>> NotExportedAsync(JournalFileFormat program, string currency, DateOnly? from, DateOnly? to, CancellationToken cancellationToken)
    {
        var all = new List<ExportableTransaction>();
        await foreach (var page in NotExportedPagesAsync(program, currency, from, to, cancellationToken))
        {
            all.AddRange(page);
        }

        return all;
    }

    /// <summary>What is not exported yet, in the file's order, a page of payments (and the refunds that go between them) at a time.</summary>
    public async IAsyncEnumerable<IReadOnlyList<ExportableTransaction>> NotExportedPagesAsync(
        JournalFileFormat program,
        string currency,
        DateOnly? from,
        DateOnly? to,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var zone = await clock.ZoneAsync(cancellationToken);
        await using var refunds = RefundsInOrderAsync(program, currency, from, to, zone, cancellationToken).GetAsyncEnumerator(cancellationToken);
        var hasRefund = await refunds.MoveNextAsync();

        (DateOnly Date, Guid Id)? after = null;
        while (true)
        {
            var page = await PaymentPage(currency, from, to, after).ToListAsync(cancellationToken);
            var pageIds = page.Select(p => p.Id).ToList();
            var exported = (await ExportedAsync(program, pageIds, cancellationToken)).ToHashSet();
            var payments = page.Where(p => !exported.Contains(p.Id)).ToList();
            var invoiceNumbers = await InvoiceNumbersAsync([.. payments.Select(p => p.Id)], cancellationToken);
            var names = await NamesAsync([.. payments.Select(p => p.ClientId).Distinct()], cancellationToken);

            var items = new List<ExportableTransaction>();
            foreach (var payment in payments)
            {
                while (hasRefund && refunds.Current.Date < payment.ReceivedOn)
                {
                    items.Add(refunds.Current.Item);
                    hasRefund = await refunds.MoveNextAsync();
                }

                var transaction = new AccountingTransaction(
                    AccountingTransactionKind.Payment,
                    payment.ReceivedOn,
                    names.TryGetValue(payment.ClientId, out var client) ? client.Name : UnknownClient,
                    invoiceNumbers.GetValueOrDefault(payment.Id),
                    ReferenceOf(payment),
                    payment.Amount,
                    payment.FeeAmount,
                    payment.Currency);
                items.Add(new ExportableTransaction(payment.Id, transaction));
            }

            if (page.Count < PageSize)
            {
                // The refunds after the last payment, still a page at a time.
                while (hasRefund)
                {
                    items.Add(refunds.Current.Item);
                    hasRefund = await refunds.MoveNextAsync();
                    if (items.Count >= PageSize)
                    {
                        yield return items;
                        items = [];
                    }
                }

                if (items.Count > 0)
                {
                    yield return items;
                }

                yield break;
            }

            if (items.Count > 0)
            {
                yield return items;
            }

            after = (page[^1].ReceivedOn, page[^1].Id);
        }
    }

    /// <summary>The payments page after <paramref name="after"/>; the date is also a plain lower bound, which the (date, id) index can start from (see <see cref="Services.PaymentReportSource.PageQuery"/>).</summary>
    private IQueryable<Payment> PaymentPage(string currency, DateOnly? from, DateOnly? to, (DateOnly Date, Guid Id)? after)
    {
        var payments = billing.Payments.AsNoTracking().Where(p => Received.Contains(p.Status) && p.Currency == currency);
        if (from is { } f)
        {
            payments = payments.Where(p => p.ReceivedOn >= f);
        }

        if (to is { } t)
        {
            payments = payments.Where(p => p.ReceivedOn <= t);
        }

        if (after is { } last)
        {
            payments = payments.Where(p => p.ReceivedOn >= last.Date && (p.ReceivedOn > last.Date || (p.ReceivedOn == last.Date && p.Id.CompareTo(last.Id) > 0)));
        }

        return payments.OrderBy(p => p.ReceivedOn).ThenBy(p => p.Id).Take(PageSize);
    }

    /// <summary>
    /// The refunds not exported yet, in order of their date (the practice's) then id, read a page at a time by
    /// (created, id). A page's last date may go on in the next page, so its refunds wait there until the date is
    /// complete: memory holds a page and one day's refunds.
    /// </summary>
    private async IAsyncEnumerable<(DateOnly Date, ExportableTransaction Item)> RefundsInOrderAsync(
        JournalFileFormat program,
        string currency,
        DateOnly? from,
        DateOnly? to,
        PracticeTimeZone zone,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var waiting = new List<(DateOnly Date, Guid Id, ExportableTransaction Item)>();
        (DateTime At, Guid Id)? after = null;
        while (true)
        {
            var page = await RefundPage(currency, from, to, zone, after).ToListAsync(cancellationToken);
            waiting.AddRange(await DescribeRefundsAsync(program, page, zone, cancellationToken));
            DateOnly? open = null;
            if (page.Count == PageSize)
            {
                after = (page[^1].CreatedAt, page[^1].Id);
                open = DateOnly.FromDateTime(zone.ToLocal(page[^1].CreatedAt));
            }

            foreach (var done in waiting.Where(r => open is null || r.Date < open).OrderBy(r => r.Date).ThenBy(r => r.Id).ToList())
            {
                yield return (done.Date, done.Item);
            }

            if (open is null)
            {
                yield break;
            }

            waiting = [.. waiting.Where(r => r.Date >= open)];
        }
    }

    /// <summary>The succeeded refunds in the range after <paramref name="after"/>, in order of creation then id.</summary>
    private IQueryable<Refund> RefundPage(string currency, DateOnly? from, DateOnly? to, PracticeTimeZone zone, (DateTime At, Guid Id)? after)
    {
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

        if (after is { } last)
        {
            refunds = refunds.Where(r => r.CreatedAt >= last.At && (r.CreatedAt > last.At || (r.CreatedAt == last.At && r.Id.CompareTo(last.Id) > 0)));
        }

        return refunds.OrderBy(r => r.CreatedAt).ThenBy(r => r.Id).Take(PageSize);
    }

    /// <summary>A page of refunds as transactions, without those exported already, each with what it needs of its payment.</summary>
    private async Task<List<(DateOnly Date, Guid Id, ExportableTransaction Item)>> DescribeRefundsAsync(
        JournalFileFormat program, List<Refund> found, PracticeTimeZone zone, CancellationToken cancellationToken)
    {
        var exported = (await ExportedAsync(program, [.. found.Select(r => r.Id)], cancellationToken)).ToHashSet();
        var newRefunds = found.Where(r => !exported.Contains(r.Id)).ToList();

        // Refunds need their payment (amount, fee, client) and every earlier refund of it, exported or not.
        var refundedIds = newRefunds.Select(r => r.PaymentId).Distinct().ToList();
        var refundedPayments = (await InChunksAsync(refundedIds, ids => billing.Payments.AsNoTracking().Where(p => ids.Contains(p.Id)), cancellationToken))
            .ToDictionary(p => p.Id);
        var siblings = (await InChunksAsync(refundedIds, ids => billing.Refunds.AsNoTracking().Where(r => ids.Contains(r.PaymentId) && r.Status == RefundStatus.Succeeded), cancellationToken))
            .GroupBy(r => r.PaymentId)
            .ToDictionary(g => g.Key, g => g.OrderBy(r => r.CreatedAt).ThenBy(r => r.Id).ToList());
        var invoiceNumbers = await InvoiceNumbersAsync(refundedIds, cancellationToken);
        var names = await NamesAsync([.. refundedPayments.Values.Select(p => p.ClientId).Distinct()], cancellationToken);

        var result = new List<(DateOnly Date, Guid Id, ExportableTransaction Item)>();
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
                names.TryGetValue(payment.ClientId, out var client) ? client.Name : UnknownClient,
                invoiceNumbers.GetValueOrDefault(payment.Id),
                refund.StripeRefundId,
                refund.Amount,
                FeePart(payment, siblings[payment.Id], refund),
                refund.Currency);
            result.Add((date, refund.Id, new ExportableTransaction(refund.Id, transaction)));
        }

        return result;
    }

    private Task<List<Guid>> ExportedAsync(JournalFileFormat program, List<Guid> transactionIds, CancellationToken cancellationToken)
        => InChunksAsync(
            transactionIds,
            ids => reports.ExportItems.AsNoTracking().Where(i => i.Program == program && ids.Contains(i.TransactionId)).Select(i => i.TransactionId),
            cancellationToken);

    /// <summary>Invoice numbers per payment ("INV-1, INV-2" for a payment allocated to two).</summary>
    private async Task<Dictionary<Guid, string>> InvoiceNumbersAsync(List<Guid> paymentIds, CancellationToken cancellationToken)
        => (await InChunksAsync(
                paymentIds,
                ids => billing.Allocations.AsNoTracking()
                    .Where(a => ids.Contains(a.PaymentId))
                    .Join(billing.Invoices, a => a.InvoiceId, i => i.Id, (a, i) => new { a.PaymentId, i.Number }),
                cancellationToken))
            .GroupBy(a => a.PaymentId)
            .ToDictionary(g => g.Key, g => string.Join(", ", g.Select(a => a.Number).Distinct().Order(StringComparer.Ordinal)));

    private async Task<Dictionary<Guid, ClientSummary>> NamesAsync(List<Guid> clientIds, CancellationToken cancellationToken)
    {
        var names = new Dictionary<Guid, ClientSummary>();
        foreach (var ids in clientIds.Chunk(LookupChunkSize))
        {
            foreach (var (id, client) in await clients.FindManyAsync(ids, cancellationToken))
            {
                names[id] = client;
            }
        }

        return names;
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
