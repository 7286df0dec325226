using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Portal.Billing.Data;
using Portal.Billing.Models;
using Portal.Core.Contracts;
using Portal.Reports.Models;

namespace Portal.Reports.Services;

/// <summary>
/// A practice's payments as report rows, read from Billing a page at a time: ordered by transaction
/// date then id, each page starting after the last row of the one before (keyset, so a page costs the
/// same at row 100,000 as at row 1), untracked, with the page's client names, invoice numbers and
/// staff names looked up once per page. Memory holds one page, whatever the report's size.
/// </summary>
public sealed class PaymentReportSource(BillingDbContext db, IClientDirectory clients, IUserDirectory users)
{
    internal int PageSize { get; init; } = 500;

    public async IAsyncEnumerable<PaymentReportRow> RowsAsync(PaymentReportQuery query, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.Problems().FirstOrDefault() is { Field: not null } problem)
        {
            throw new ArgumentException($"{problem.Field} {problem.Message}", nameof(query));
        }

        var statuses = Statuses(query.Status);
        (DateOnly Date, Guid Id)? after = null;
        while (true)
        {
            var payments = db.Payments.AsNoTracking()
                .Where(p => p.ReceivedOn >= query.From && p.ReceivedOn <= query.To && statuses.Contains(p.Status));
            if (after is { } last)
            {
                payments = payments.Where(p => p.ReceivedOn > last.Date || (p.ReceivedOn == last.Date && p.Id.CompareTo(last.Id) > 0));
            }

            var page = await payments.OrderBy(p => p.ReceivedOn).ThenBy(p => p.Id).Take(PageSize).ToListAsync(cancellationToken);
            if (page.Count == 0)
            {
                yield break;
            }

            var ids = page.Select(p => p.Id).ToList();
            var invoices = (await db.Allocations.AsNoTracking()
                    .Where(a => ids.Contains(a.PaymentId))
                    .Join(db.Invoices, a => a.InvoiceId, i => i.Id, (a, i) => new { a.PaymentId, i.Number })
                    .ToListAsync(cancellationToken))
                .GroupBy(a => a.PaymentId)
                .ToDictionary(g => g.Key, g => string.Join(", ", g.Select(a => a.Number).Distinct().Order(StringComparer.Ordinal)));
            var names = await clients.FindManyAsync(page.Select(p => p.ClientId).Distinct(), cancellationToken);
            var staff = await users.FindManyAsync(page.Select(RequestedBy).OfType<Guid>().Distinct(), cancellationToken);
            foreach (var payment in page)
            {
                yield return new PaymentReportRow(
                    payment.ReceivedOn,
                    names.TryGetValue(payment.ClientId, out var client) ? client.Name : "",
                    invoices.GetValueOrDefault(payment.Id) ?? payment.InvoiceNumber,
                    payment.Reference,
                    payment.Amount,
                    payment.FeeAmount,
                    payment.Currency,
                    StatusOf(payment.Status),
                    MethodText(payment.Method),
                    payment.ChargeId ?? payment.PaymentIntentId ?? payment.CheckoutSessionId,
                    RequestedBy(payment) is { } by && staff.TryGetValue(by, out var user) ? user.DisplayName : null);
            }

            if (page.Count < PageSize)
            {
                yield break;
            }

            after = (page[^1].ReceivedOn, page[^1].Id);
        }
    }

    /// <summary>"Requested by": the staff member who sent the payment request, else the one who recorded the payment.</summary>
    private static Guid? RequestedBy(Payment payment) => payment.RequestedBy ?? payment.RecordedBy;

    public static PaymentReportStatus StatusOf(PaymentStatus status) => status switch
    {
        PaymentStatus.Succeeded => PaymentReportStatus.Paid,
        PaymentStatus.Pending or PaymentStatus.Processing => PaymentReportStatus.Pending,
        PaymentStatus.Failed => PaymentReportStatus.Failed,
        PaymentStatus.Refunded => PaymentReportStatus.Refunded,
        PaymentStatus.PartlyRefunded => PaymentReportStatus.PartlyRefunded,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    private static List<PaymentStatus> Statuses(PaymentReportStatus? status)
        => [.. Enum.GetValues<PaymentStatus>().Where(s => status is null || StatusOf(s) == status || (status == PaymentReportStatus.Refunded && s == PaymentStatus.PartlyRefunded))];

    private static string MethodText(PaymentMethod method) => method switch
    {
        PaymentMethod.Cheque => "Cheque",
        PaymentMethod.ETransfer => "E-transfer",
        PaymentMethod.Cash => "Cash",
        PaymentMethod.Online => "Online",
        _ => "Other",
    };
}
