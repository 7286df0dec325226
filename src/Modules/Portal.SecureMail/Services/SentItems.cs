using Microsoft.EntityFrameworkCore;
using Portal.SecureMail.Data;
using Portal.SecureMail.Models;

namespace Portal.SecureMail.Services;

/// <summary>
/// The sent-items dashboard's reads: every secure e-mail and payment request, newest first, a page at a
/// time by keyset (creation time, then id, on the existing CreatedAt index: no new index), so a late page
/// costs what the first does; filtered by kind, by status (<see cref="SecureMessageStatusRule"/>, in the database) and by
/// recipient or invoice number.
/// </summary>
public sealed class SentItems(SecureMailDbContext db, SecureMessageSealing sealing, TimeProvider clock)
{
    public const int PageSize = 25;

    public async Task<SentItemsPage> PageAsync(SentItemFilter filter, string? after, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var now = clock.GetUtcNow().UtcDateTime;
        var query = db.Messages.AsNoTracking();
        if (filter.Kind is { } kind)
        {
            query = query.Where(m => m.Kind == kind);
        }

        if (filter.Status is { } status)
        {
            query = query.Where(SecureMessageStatusRule.Is(status, now));
        }

        if (filter.Search is { } search)
        {
            // lower() on both sides: LIKE and instr/strpos differ in case handling between SQLite and PostgreSQL.
            var term = search.ToLowerInvariant();
            query = query.Where(m => m.RecipientEmail.ToLower().Contains(term) || (m.InvoiceNumber != null && m.InvoiceNumber.ToLower().Contains(term)));
        }

        if (SentItemsCursor.TryRead(after, out var createdAt, out var id))
        {
            // The first bound alone is a range on the CreatedAt index, so the database starts at the cursor instead of filtering its way there.
            query = query.Where(m => m.CreatedAt <= createdAt && (m.CreatedAt < createdAt || m.Id.CompareTo(id) < 0));
        }

        var rows = await query.OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id).Take(PageSize + 1).ToListAsync(cancellationToken);
        var items = rows.Take(PageSize).Select(m => new SentItem(m, m.Status(now))).ToList();
        return new SentItemsPage(items, rows.Count > PageSize ? SentItemsCursor.Write(items[^1].Message.CreatedAt, items[^1].Message.Id) : null);
    }

    /// <summary>One message with its unlock attempts, the recipient's replies (opened for staff) and its files; null when there is none.</summary>
    public async Task<SentItemDetails?> FindAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var message = await db.Messages.AsNoTracking().SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (message is null)
        {
            return null;
        }

        var attempts = await db.Attempts.AsNoTracking().Where(a => a.MessageId == id).OrderBy(a => a.At).ThenBy(a => a.Id).ToListAsync(cancellationToken);
        var replies = await db.Replies.AsNoTracking().Where(r => r.MessageId == id).OrderBy(r => r.CreatedAt).ThenBy(r => r.Id).ToListAsync(cancellationToken);
        var files = await db.Attachments.AsNoTracking().Where(a => a.MessageId == id).OrderBy(a => a.FileName).ToListAsync(cancellationToken);
        var opened = replies.Select(r => new SentItemReply(r.CreatedAt, r.Ip, sealing.Open(id, r.SealedBody))).ToList();
        return new SentItemDetails(new SentItem(message, message.Status(clock.GetUtcNow().UtcDateTime)), attempts, opened, files);
    }
}
