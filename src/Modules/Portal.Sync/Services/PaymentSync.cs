using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Portal.Billing.Models;
using Portal.Billing.Services;
using Portal.Clients.Services;
using Portal.Sync.Api;
using Portal.Sync.Data;
using Portal.Sync.Models;

namespace Portal.Sync.Services;

/// <summary>
/// Applies a payments batch through Billing's <see cref="PaymentLedger"/>: each payment is recorded once
/// (its external id is kept with the id it gets, before it is recorded) and allocated to its invoice, or
/// to the client's oldest open invoices without one, as staff recording it would. A payment sent again
/// with other facts is refused (the program tombstones and sends it again); a tombstone removes it and
/// gives its invoices their balance back.
/// </summary>
public sealed class PaymentSync(
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
        var clientIds = await clients.IdsAsync(batch.Items!.Select(i => i?.ClientExternalId?.Trim()).OfType<string>().ToList(), cancellationToken);
        return await SyncBatches.ApplyAsync(batch, (item, externalId) => item.Deleted
            ? RemoveAsync(externalId, cancellationToken)
            : RecordAsync(item, externalId, clientIds, cancellationToken));
    }

    private async Task<SyncItemResult> RemoveAsync(string externalId, CancellationToken cancellationToken)
    {
        var synced = await db.SyncedPayments.FirstOrDefaultAsync(p => p.ExternalId == externalId, cancellationToken);
        if (synced is null)
        {
            return new SyncItemResult(externalId, SyncItemStatus.Unchanged);
        }

        if (await ledger.FindAsync(synced.PaymentId, cancellationToken) is not null
            && await offline.RemoveAsync(synced.PaymentId, RemovalReason, cancellationToken) is { } error)
        {
            return SyncItemResult.Failed(externalId, InvoiceSync.ToWire(error, "deleted"));
        }

        db.SyncedPayments.Remove(synced);
        await db.SaveChangesAsync(cancellationToken);
        return new SyncItemResult(externalId, SyncItemStatus.Deleted) { Id = synced.PaymentId };
    }

    private async Task<SyncItemResult> RecordAsync(PaymentItem item, string externalId, IReadOnlyDictionary<string, Guid> clientIds, CancellationToken cancellationToken)
    {
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
            invoice = await invoices.FindByExternalIdAsync(item.InvoiceExternalId.Trim(), cancellationToken);
            if (invoice is null || invoice.ClientId != clientId)
            {
                errors.Add(SyncItemErrors.InvoiceNotFound(item.InvoiceExternalId.Trim()));
            }
        }

        if (errors.Count > 0)
        {
            return SyncItemResult.Failed(externalId, [.. errors]);
        }

        var fingerprint = Fingerprint(clientId, invoice?.Id, receivedOn, amount, item.Currency, method, item.Reference);
        var synced = await db.SyncedPayments.FirstOrDefaultAsync(p => p.ExternalId == externalId, cancellationToken);
        if (synced is not null && await ledger.FindAsync(synced.PaymentId, cancellationToken) is not null)
        {
            return synced.Fingerprint == fingerprint
                ? new SyncItemResult(externalId, SyncItemStatus.Unchanged) { Id = synced.PaymentId }
                : SyncItemResult.Failed(externalId, SyncItemErrors.PaymentChanged());
        }

        // Kept first: should the process stop between here and the payment, the next batch records the same payment id.
        synced ??= db.SyncedPayments.Add(new SyncedPayment { ExternalId = externalId, PaymentId = Guid.CreateVersion7() }).Entity;
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
        return SyncItemResult.Failed(externalId, [.. recorded.Errors.Select(e => InvoiceSync.ToWire(e, "amount"))]);
    }

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
