using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Portal.Billing.Data;
using Portal.Billing.Models;

namespace Portal.Billing.Services;

/// <summary>
/// Invoices newest first, a page at a time by keyset (issue date, then id): the next page starts after
/// the last row shown, so a practice's thousandth page costs what its first does.
/// </summary>
public sealed class InvoiceList(BillingDbContext db)
{
    public const int PageSize = 25;

    public async Task<KeysetPage<Invoice>> PageAsync(Guid? clientId, InvoiceStatus? status, string? after, CancellationToken cancellationToken = default)
    {
        var query = db.Invoices.AsNoTracking();
        if (clientId is { } client)
        {
            query = query.Where(i => i.ClientId == client);
        }

        if (status is { } s)
        {
            query = query.Where(i => i.Status == s);
        }

        if (ListCursor.TryRead(after, out var date, out var id))
        {
            query = query.Where(i => i.IssueDate < date || (i.IssueDate == date && i.Id.CompareTo(id) < 0));
        }

        var rows = await query.OrderByDescending(i => i.IssueDate).ThenByDescending(i => i.Id).Take(PageSize + 1).ToListAsync(cancellationToken);
        var more = rows.Count > PageSize;
        var items = rows.Take(PageSize).ToList();
        return new KeysetPage<Invoice>(items, more ? ListCursor.Write(items[^1].IssueDate, items[^1].Id) : null);
    }

    /// <summary>Payments newest first, by the same kind of keyset (received date, then id).</summary>
    public async Task<KeysetPage<Payment>> PaymentsAsync(Guid? clientId, string? after, CancellationToken cancellationToken = default)
    {
        var query = db.Payments.AsNoTracking();
        if (clientId is { } client)
        {
            query = query.Where(p => p.ClientId == client);
        }

        if (ListCursor.TryRead(after, out var date, out var id))
        {
            query = query.Where(p => p.ReceivedOn < date || (p.ReceivedOn == date && p.Id.CompareTo(id) < 0));
        }

        var rows = await query.OrderByDescending(p => p.ReceivedOn).ThenByDescending(p => p.Id).Take(PageSize + 1).ToListAsync(cancellationToken);
        var more = rows.Count > PageSize;
        var items = rows.Take(PageSize).ToList();
        return new KeysetPage<Payment>(items, more ? ListCursor.Write(items[^1].ReceivedOn, items[^1].Id) : null);
    }
}

/// <summary>One page of a keyset list and the cursor of the next (null on the last page).</summary>
public sealed record KeysetPage<T>(IReadOnlyList<T> Items, string? Next);

/// <summary>"2026-12-01_{id}": the last row of the page before. A cursor that does not read starts at the beginning.</summary>
internal static class ListCursor
{
    public static string Write(DateOnly date, Guid id) => $"{date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}_{id:N}";

    public static bool TryRead(string? cursor, out DateOnly date, out Guid id)
    {
        date = default;
        id = default;
        var parts = (cursor ?? "").Split('_');
        return parts.Length == 2
            && DateOnly.TryParseExact(parts[0], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date)
            && Guid.TryParseExact(parts[1], "N", out id);
    }
}
