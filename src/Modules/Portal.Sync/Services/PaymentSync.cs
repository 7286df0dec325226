using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Portal.Billing.Models;
using Portal.Billing.Services;
using Portal.Clients.Services;
using Portal.Core.Data;
using Portal.Sync.Api;
using Portal.Sync.Data;
using Portal.Sync.Models;

namespace Portal.Sync.Services;

/// <summary>
/// Applies a payments batch through Billing's <see cref="PaymentLedger"/>: each payment is recorded once
/// (its external id is kept with the id it gets, in the same transaction) and allocated to its invoice, or
/// to the client's oldest open invoices without one, as staff recording it would. A payment sent again
/// with other facts is refused (the program tombstones and sends it again); a tombstone removes it and
/// gives its invoices their balance back.
/// </summary>
public sealed class PaymentSync(
    PracticeBatch unit,
    SyncDbContext db,
    PaymentLedger ledger,
    OfflinePayments offline,
    InvoiceBook invoices,
    ClientExternalIds clients,
    TimeProvider clock)
{
    public const string RemovalReason = "deleted in the practice's program (portal-sync)";

    public async Task<SyncBatchResult> ApplyAsync(SyncBatch<PaymentItem> batch, CancellationToken cancellationToken)
    {
        // Everything the items are checked against is read up front, in a few queries for the whole batch.
        var items = batch.Items!;
        var clientIds = await clients.IdsAsync(items.Select(i => i?.ClientExternalId?.Trim()).OfType<string>().ToList(), cancellationToken);
        var externalIds = items.Select(i => i?.ExternalId?.Trim()).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var synced = externalIds.Count == 0
            ? new Dictionary<string, SyncedPayment>(StringComparer.Ordinal)
            : await db.SyncedPayments.AsNoTracking().Where(p => externalIds.Contains(p.ExternalId)).ToDictionaryAsync(p => p.ExternalId, StringComparer.Ordinal, cancellationToken);
        var recorded = await ledger.ExistingAsync(synced.Values.Select(p => p.PaymentId).ToList(), cancellationToken);
        var invoicesByExternalId = await invoices.FindByExternalIdsAsync(items.Select(i => i?.InvoiceExternalId?.Trim()).OfType<string>().Where(i => i.Length > 0).ToList(), cancellationToken);
        var known = new BatchState(clientIds, synced, recorded, invoicesByExternalId);
        var together = await RecordTogetherAsync(items, known, cancellationToken);
        return await SyncBatches.ApplyAsync(
            unit,
            batch,
            (item, externalId) => item.Deleted ? RemoveAsync(externalId, known, cancellationToken) : RecordAsync(item, externalId, known, cancellationToken),
            cancellationToken,
            together);
    }

    private async Task<SyncItemResult> RemoveAsync(string externalId, BatchState known, CancellationToken cancellationToken)
    {
        if (known.Synced.GetValueOrDefault(externalId) is not { } synced)
        {
            return new SyncItemResult(externalId, SyncItemStatus.Unchanged);
        }

        if (known.Recorded.Contains(synced.PaymentId)
            && await offline.RemoveAsync(synced.PaymentId, RemovalReason, cancellationToken) is { } error)
        {
            return SyncItemResult.Failed(externalId, InvoiceSync.ToWire(error, "deleted"));
        }

        db.SyncedPayments.Remove(synced);
        await db.SaveChangesAsync(cancellationToken);
        known.Synced.Remove(externalId);
        return new SyncItemResult(externalId, SyncItemStatus.Deleted) { Id = synced.PaymentId };
    }

    private async Task<SyncItemResult> RecordAsync(PaymentItem item, string externalId, BatchState known, CancellationToken cancellationToken)
    {
        var (clientId, invoice, amount, receivedOn, method, errors) = Check(item, known);
        if (errors.Count > 0)
        {
            return SyncItemResult.Failed(externalId, [.. errors]);
        }

        var fingerprint = Fingerprint(clientId, invoice?.Id, receivedOn, amount, item.Currency, method, item.Reference);
        var synced = known.Synced.GetValueOrDefault(externalId);
        if (synced is not null && known.Recorded.Contains(synced.PaymentId))
        {
            return synced.Fingerprint == fingerprint
                ? new SyncItemResult(externalId, SyncItemStatus.Unchanged) { Id = synced.PaymentId }
                : SyncItemResult.Failed(externalId, SyncItemErrors.PaymentChanged());
        }

        // The key and the payment are written in the batch's transaction: both are kept, or neither.
        synced = synced is null
            ? known.Synced[externalId] = db.SyncedPayments.Add(new SyncedPayment { ExternalId = externalId, PaymentId = Guid.CreateVersion7() }).Entity
            : db.SyncedPayments.Attach(synced).Entity;
        synced.Fingerprint = fingerprint;
        synced.SyncedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);

        var draft = new OfflinePaymentDraft(clientId, method, receivedOn, item.Reference, amount, item.Currency, invoice is null ? null : [new AllocationDraft(invoice.Id, amount)]) { Id = synced.PaymentId };
        var recorded = await ledger.RecordOfflineAsync(draft, cancellationToken);
        if (recorded.Succeeded)
        {
            return new SyncItemResult(externalId, SyncItemStatus.Created) { Id = recorded.Value!.Id };
        }

        // Nothing was recorded: the key goes too, so the item can come again as new.
        db.SyncedPayments.Remove(synced);
        await db.SaveChangesAsync(cancellationToken);
        known.Synced.Remove(externalId);
        return SyncItemResult.Failed(externalId, [.. recorded.Errors.Select(e => InvoiceSync.ToWire(e, "amount"))]);
    }

    /// <summary>The item as a payment's facts, or every problem the sync API finds with it.</summary>
    private static Checked Check(PaymentItem item, BatchState known)
    {
        var clientIds = known.ClientIds;
        var errors = new List<SyncFieldError>();
        if (item.ClientExternalId?.Trim() is not { } clientExternalId || !clientIds.TryGetValue(clientExternalId, out var clientId))
        {
            errors.Add(SyncItemErrors.UnknownClient(item.ClientExternalId));
            clientId = Guid.Empty;
        }

        if (!SyncValues.TryAmount(item.Amount, "amount", out var amount, out var amountError))
        {
            errors.Add(amountError!);
        }

        if (!SyncValues.TryDate(item.ReceivedOn, "receivedOn", out var receivedOn, out var dateError))
        {
            errors.Add(dateError!);
        }

        if (MethodOf(item.Method) is not { } method)
        {
            errors.Add(SyncItemErrors.MethodUnknown(item.Method));
            method = PaymentMethod.Other;
        }

        Invoice? invoice = null;
        if (!string.IsNullOrWhiteSpace(item.InvoiceExternalId) && clientId != Guid.Empty)
        {
            invoice = known.Invoices.GetValueOrDefault(item.InvoiceExternalId.Trim());
            if (invoice is null || invoice.ClientId != clientId)
            {
                errors.Add(SyncItemErrors.InvoiceNotFound(item.InvoiceExternalId.Trim()));
            }
        }

        return new Checked(clientId, invoice, amount, receivedOn, method, errors);
    }

    /// <summary>
    /// A batch of new payments only (no tombstone, no external id sent before or twice): its payments
    /// recorded in one save per group (<see cref="PaymentLedger.RecordOfflineManyAsync"/>, which allocates
    /// them in order as one by one would), each refused one with its own errors; their results by external
    /// id. Any other batch, or the rest after a group whose save failed, goes one by one.
    /// </summary>
    private async Task<Dictionary<string, SyncItemResult>> RecordTogetherAsync(IReadOnlyList<PaymentItem?> items, BatchState known, CancellationToken cancellationToken)
    {
        var results = new Dictionary<string, SyncItemResult>(StringComparer.Ordinal);
        var ids = items.Select(i => i?.ExternalId?.Trim()).OfType<string>().ToList();
        if (items.Any(i => i?.Deleted == true) || known.Synced.Count > 0 || ids.Distinct(StringComparer.Ordinal).Count() != ids.Count)
        {
            return results;
        }

        var rows = new List<(string ExternalId, OfflinePaymentDraft Draft, string Fingerprint)>();
        foreach (var item in items)
        {
            var externalId = item?.ExternalId?.Trim();
            if (item is null || string.IsNullOrEmpty(externalId) || externalId.Length > ISyncItem.ExternalIdMaxLength)
            {
                continue;
            }

            var (clientId, invoice, amount, receivedOn, method, errors) = Check(item, known);
            if (errors.Count == 0)
            {
                var draft = new OfflinePaymentDraft(clientId, method, receivedOn, item.Reference, amount, item.Currency, invoice is null ? null : [new AllocationDraft(invoice.Id, amount)]) { Id = Guid.CreateVersion7() };
                rows.Add((externalId, draft, Fingerprint(clientId, invoice?.Id, receivedOn, amount, item.Currency, method, item.Reference)));
            }
        }

        if (rows.Count < 2)
        {
            return results;
        }

        foreach (var group in rows.Chunk(PracticeBatch.ItemsPerCommit))
        {
            // A group whose save failed goes one by one, and so do the groups after it: in order.
            var recorded = await unit.TogetherAsync(() => RecordGroupAsync(group, cancellationToken), r => r.Count == group.Length, group.Length, cancellationToken);
            if (recorded is null)
            {
                break;
            }

            foreach (var ((externalId, _, _), saved) in group.Zip(recorded))
            {
                results[externalId] = saved.Succeeded
                    ? new SyncItemResult(externalId, SyncItemStatus.Created) { Id = saved.Value!.Id }
                    : SyncItemResult.Failed(externalId, [.. saved.Errors.Select(e => InvoiceSync.ToWire(e, "amount"))]);
            }
        }

        return results;
    }

    /// <summary>
    /// The group's payments, then the keys of those recorded, in the same savepoint: both are kept, or
    /// neither (here the key follows the payment; one by one it is written first). Empty when the ledger
    /// recorded none because an invoice changed meanwhile.
    /// </summary>
    private async Task<IReadOnlyList<BillingResult<Payment>>> RecordGroupAsync((string ExternalId, OfflinePaymentDraft Draft, string Fingerprint)[] group, CancellationToken cancellationToken)
    {
        if (await ledger.RecordOfflineManyAsync([.. group.Select(r => r.Draft)], cancellationToken) is not { } recorded)
        {
            return [];
        }

        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var ((externalId, draft, fingerprint), saved) in group.Zip(recorded))
        {
            if (saved.Succeeded)
            {
                db.SyncedPayments.Add(new SyncedPayment { ExternalId = externalId, PaymentId = draft.Id!.Value, Fingerprint = fingerprint, SyncedAt = now });
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return recorded;
    }

    /// <summary>An item's payment facts as the sync API read them, with every problem found.</summary>
    private sealed record Checked(Guid ClientId, Invoice? Invoice, long Amount, DateOnly ReceivedOn, PaymentMethod Method, List<SyncFieldError> Errors);

    /// <summary>What a batch read before its items: the clients named, the payments' keys (read untracked: an item that changes one attaches it), which of those were recorded, the invoices named.</summary>
    private sealed record BatchState(
        IReadOnlyDictionary<string, Guid> ClientIds,
        Dictionary<string, SyncedPayment> Synced,
        IReadOnlySet<Guid> Recorded,
        IReadOnlyDictionary<string, Invoice> Invoices);

    private static PaymentMethod? MethodOf(string? method) => method?.Trim().ToLowerInvariant() switch
    {
        "cheque" => PaymentMethod.Cheque,
        "cash" => PaymentMethod.Cash,
        "transfer" => PaymentMethod.ETransfer,
        "other" => PaymentMethod.Other,
        _ => null,
    };

    private static string Fingerprint(Guid clientId, Guid? invoiceId, DateOnly receivedOn, long amount, string? currency, PaymentMethod method, string? reference)
        => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(
            $"{clientId:N}|{invoiceId:N}|{receivedOn:yyyy-MM-dd}|{amount}|{currency?.Trim().ToUpperInvariant()}|{method}|{reference?.Trim()}")));
}
