using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Portal.Billing.Data;
using Portal.Billing.Models;
using Portal.Core.Contracts;

namespace Portal.Billing.Services;

/// <summary>
/// What a client's portal users see: the invoices and payments of the clients of their current portal,
/// for users with full access (contributors see only what is shared with them, and invoices are not).
/// Anything else is "not found", exactly like an id that does not exist.
/// </summary>
public sealed class ClientBilling(BillingDbContext db, IClientAccess access)
{
    public async Task<IReadOnlyList<ClientSummary>> ClientsAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var portal = await access.CurrentPortalAsync(user, cancellationToken);
        return portal is null || portal.Access != ClientAccessLevel.Full ? [] : portal.Clients;
    }

    public async Task<IReadOnlyList<Invoice>> InvoicesAsync(IReadOnlyList<ClientSummary> clients, CancellationToken cancellationToken = default)
    {
        var ids = clients.Select(c => c.Id).ToList();
        return await db.Invoices.AsNoTracking().Where(i => ids.Contains(i.ClientId) && i.Status != InvoiceStatus.Void)
            .OrderByDescending(i => i.IssueDate).ThenByDescending(i => i.Id).Take(200).ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<Payment>> PaymentsAsync(IReadOnlyList<ClientSummary> clients, CancellationToken cancellationToken = default)
    {
        var ids = clients.Select(c => c.Id).ToList();
        return await db.Payments.AsNoTracking().Where(p => ids.Contains(p.ClientId) && PaymentRules.Counted.Contains(p.Status))
            .OrderByDescending(p => p.ReceivedOn).ThenByDescending(p => p.Id).Take(200).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// The invoices of these clients still to be paid (open or partly paid): how many and how much per
    /// currency, how many are overdue on <paramref name="today"/>, and the <paramref name="first"/> soonest
    /// due. Two queries on the invoices' client index, whatever the number of invoices.
    /// </summary>
    public async Task<InvoicesToPay> ToPayAsync(IReadOnlyList<ClientSummary> clients, DateOnly today, int first, CancellationToken cancellationToken = default)
    {
        var ids = clients.Select(c => c.Id).ToList();
        var open = db.Invoices.AsNoTracking().Where(i => ids.Contains(i.ClientId) && (i.Status == InvoiceStatus.Open || i.Status == InvoiceStatus.PartlyPaid));
        var totals = await open.GroupBy(i => i.Currency)
            .Select(g => new AmountToPay { Currency = g.Key, Invoices = g.Count(), Overdue = g.Count(i => i.DueDate < today), Balance = g.Sum(i => i.TotalAmount - i.PaidAmount) })
            .ToListAsync(cancellationToken);
        var soonest = totals.Count == 0
            ? []
            : await open.OrderBy(i => i.DueDate).ThenBy(i => i.Id).Take(first).ToListAsync(cancellationToken);
        return new InvoicesToPay([.. totals.OrderBy(t => t.Currency, StringComparer.Ordinal)], soonest);
    }

    /// <summary>The invoice when the user may see it: one of their current portal's clients, not void.</summary>
    public async Task<Invoice?> InvoiceAsync(ClaimsPrincipal user, Guid invoiceId, CancellationToken cancellationToken = default)
    {
        var invoice = await db.Invoices.AsNoTracking().FirstOrDefaultAsync(i => i.Id == invoiceId && i.Status != InvoiceStatus.Void, cancellationToken);
        if (invoice is null)
        {
            return null;
        }

        var clients = await ClientsAsync(user, cancellationToken);
        return clients.Any(c => c.Id == invoice.ClientId) && await access.ForClientAsync(user, invoice.ClientId, cancellationToken) == ClientAccessLevel.Full ? invoice : null;
    }

    /// <summary>The payments that paid part of an invoice and how much of each went to it.</summary>
    public async Task<IReadOnlyList<(Payment Payment, long Amount)>> AllocationsAsync(Guid invoiceId, CancellationToken cancellationToken = default)
    {
        var rows = await (from a in db.Allocations.AsNoTracking()
                          join p in db.Payments.AsNoTracking() on a.PaymentId equals p.Id
                          where a.InvoiceId == invoiceId && PaymentRules.Counted.Contains(p.Status)
                          orderby p.ReceivedOn, p.Id
                          select new { p, a.Amount }).ToListAsync(cancellationToken);
        return [.. rows.Select(r => (r.p, r.Amount))];
    }
}

/// <summary>What a client has to pay (<see cref="ClientBilling.ToPayAsync"/>): the totals per currency and the soonest due invoices.</summary>
public sealed record InvoicesToPay(IReadOnlyList<AmountToPay> Totals, IReadOnlyList<Invoice> Soonest)
{
    public int Count => Totals.Sum(t => t.Invoices);

    public int Overdue => Totals.Sum(t => t.Overdue);
}

/// <summary>The invoices to pay in one currency: how many, how many overdue, and their balance in minor units.</summary>
public sealed class AmountToPay
{
    public required string Currency { get; init; }

    public required int Invoices { get; init; }

    public required int Overdue { get; init; }

    public required long Balance { get; init; }
}
