using Portal.Billing.Models;
using Portal.Billing.Services;
using Portal.Clients.Services;
using Portal.Core.Data;
using Portal.Core.Errors;
using Portal.Core.Settings;
using Portal.Sync.Api;

namespace Portal.Sync.Services;

/// <summary>
/// Applies an invoices batch through Billing's <see cref="InvoiceBook"/>: an invoice equal to what the
/// portal has is left alone (no write), a changed one is updated unless payments are allocated and its
/// amounts changed, and a tombstone voids it.
/// </summary>
public sealed class InvoiceSync(PracticeBatch unit, InvoiceBook book, ClientExternalIds clients, SiteSettingsStore settings)
{
    public const string VoidReason = "Deleted in the practice's program (portal-sync).";

    public async Task<SyncBatchResult> ApplyAsync(SyncBatch<InvoiceItem> batch, CancellationToken cancellationToken)
    {
        // Everything the items are compared with is read up front, in a few queries for the whole batch.
        var clientIds = await clients.IdsAsync(batch.Items!.Select(i => i?.ClientExternalId?.Trim()).OfType<string>().ToList(), cancellationToken);
        var defaultCurrency = (await settings.GetAsync<PaymentSettings>(cancellationToken)).DefaultCurrency;
        var stored = await book.FindByExternalIdsAsync(batch.Items!.Select(i => i?.ExternalId?.Trim()).OfType<string>().ToList(), cancellationToken);
        var details = await book.DetailsOfAsync(stored.Values.Where(i => i.Status != InvoiceStatus.Void).Select(i => i.Id).ToList(), cancellationToken);
        var known = new BatchState(stored, details, clientIds, defaultCurrency);
        var together = await CreateTogetherAsync(batch.Items!, known, cancellationToken);
        return await SyncBatches.ApplyAsync(
            unit,
            batch,
            (item, externalId) => item.Deleted ? VoidAsync(externalId, known, cancellationToken) : UpsertAsync(item, externalId, known, cancellationToken),
            cancellationToken,
            together);
    }

    /// <summary>
    /// The batch's new invoices that nothing else in it touches (their external id and number appear
    /// once in the batch, and no stored invoice of the batch has that number), made in one save
    /// (<see cref="InvoiceBook.CreateManyAsync"/>, checked row by row as one by one would); their
    /// results by external id. The rest, or all of them if that save fails, go one by one.
    /// </summary>
    private async Task<Dictionary<string, SyncItemResult>> CreateTogetherAsync(IReadOnlyList<InvoiceItem?> items, BatchState known, CancellationToken cancellationToken)
    {
        var ids = items.Select(i => i?.ExternalId?.Trim()).OfType<string>().CountBy(e => e, StringComparer.Ordinal).ToDictionary(StringComparer.Ordinal);
        var numbers = items.Select(i => i?.Number?.Trim().ToUpperInvariant()).OfType<string>()
            .Concat(known.Invoices.Values.Select(i => i.NormalizedNumber)).CountBy(n => n, StringComparer.Ordinal).ToDictionary(StringComparer.Ordinal);
        var rows = new List<(string ExternalId, InvoiceDraft Draft)>();
        foreach (var item in items)
        {
            var externalId = item?.ExternalId?.Trim();
            if (item is null || item.Deleted || string.IsNullOrEmpty(externalId) || externalId.Length > ISyncItem.ExternalIdMaxLength
                || ids[externalId] != 1 || known.Invoices.ContainsKey(externalId) || numbers.GetValueOrDefault(item.Number?.Trim().ToUpperInvariant() ?? "") != 1)
            {
                continue;
            }

            if (Draft(item, externalId, known) is ({ } draft, { Count: 0 }))
            {
                rows.Add((externalId, draft));
            }
        }

        var results = new Dictionary<string, SyncItemResult>(StringComparer.Ordinal);
        if (rows.Count < 2)
        {
            return results;
        }

        foreach (var group in rows.Chunk(PracticeBatch.ItemsPerCommit))
        {
            // A group whose save failed goes one by one, and so do the groups after it.
            if (await unit.TogetherAsync(() => book.CreateManyAsync([.. group.Select(r => r.Draft)], cancellationToken), _ => true, group.Length, cancellationToken) is not { } made)
            {
                break;
            }

            foreach (var ((externalId, _), saved) in group.Zip(made))
            {
                results[externalId] = saved.Succeeded
                    ? new SyncItemResult(externalId, SyncItemStatus.Created) { Id = saved.Value!.Id }
                    : SyncItemResult.Failed(externalId, [.. saved.Errors.Select(e => ToWire(e, "externalId"))]);
            }
        }

        return results;
    }

    private async Task<SyncItemResult> VoidAsync(string externalId, BatchState known, CancellationToken cancellationToken)
    {
        var invoice = known.Invoices.GetValueOrDefault(externalId);
        if (invoice is null || invoice.Status == InvoiceStatus.Void)
        {
            return new SyncItemResult(externalId, SyncItemStatus.Unchanged) { Id = invoice?.Id };
        }

        return await book.VoidAsync(invoice.Id, VoidReason, cancellationToken) is { } error
            ? SyncItemResult.Failed(externalId, ToWire(error, "deleted"))
            : new SyncItemResult(externalId, SyncItemStatus.Deleted) { Id = invoice.Id };
    }

    private async Task<SyncItemResult> UpsertAsync(InvoiceItem item, string externalId, BatchState known, CancellationToken cancellationToken)
    {
        var (draft, errors) = Draft(item, externalId, known);
        if (errors.Count > 0)
        {
            return SyncItemResult.Failed(externalId, [.. errors]);
        }

        var (issued, due, lines, taxes, clientId, defaultCurrency) = (draft!.IssueDate, draft.DueDate, draft.Lines, draft.Taxes, draft.ClientId, known.DefaultCurrency);
        var existing = known.Invoices.GetValueOrDefault(externalId);
        if (existing is not null)
        {
            if (existing.Status == InvoiceStatus.Void)
            {
                return SyncItemResult.Failed(externalId, ToWire(BillingErrors.InvoiceVoid, "externalId"));
            }

            var (storedLines, storedTaxes) = known.Details[existing.Id];
            var currency = string.IsNullOrWhiteSpace(item.Currency) ? defaultCurrency : item.Currency.Trim().ToUpperInvariant();
            var sameAmounts = storedLines.Select(l => (l.Quantity, l.UnitAmount)).SequenceEqual(lines.Select(l => (l.Quantity, l.UnitAmount)))
                && storedTaxes.Select(t => (t.Kind, t.RatePercent, t.Amount)).SequenceEqual(taxes.Select(t => (t.Kind, t.RatePercent, t.Amount ?? 0)))
                && existing.Currency == currency;
            if (sameAmounts
                && existing.ClientId == clientId
                && existing.Number == draft.Number.Trim()
                && existing.IssueDate == issued && existing.DueDate == due
                && storedLines.Select(l => l.Description).SequenceEqual(lines.Select(l => l.Description.Trim()), StringComparer.Ordinal))
            {
                return new SyncItemResult(externalId, SyncItemStatus.Unchanged) { Id = existing.Id };
            }

            if (existing.PaidAmount > 0 && (!sameAmounts || existing.ClientId != clientId))
            {
                return SyncItemResult.Failed(externalId, new SyncFieldError("lines", BillingErrors.InvoiceHasPayments.Code, "Payments are allocated to this invoice: its amounts and client can no longer change."));
            }
        }

        var saved = await book.SaveAsync(draft, cancellationToken);
        return saved.Succeeded
            ? new SyncItemResult(externalId, existing is null ? SyncItemStatus.Created : SyncItemStatus.Updated) { Id = saved.Value!.Id }
            : SyncItemResult.Failed(externalId, [.. saved.Errors.Select(e => ToWire(e, "externalId"))]);
    }

    /// <summary>The item as Billing's draft, or every problem the sync API finds with it.</summary>
    private static (InvoiceDraft? Draft, List<SyncFieldError> Errors) Draft(InvoiceItem item, string externalId, BatchState known)
    {
        var errors = new List<SyncFieldError>();
        if (item.ClientExternalId?.Trim() is not { } clientExternalId || !known.ClientIds.TryGetValue(clientExternalId, out var clientId))
        {
            errors.Add(SyncItemErrors.UnknownClient(item.ClientExternalId));
            clientId = Guid.Empty;
        }

        SyncValues.TryDate(item.IssueDate, "issueDate", out var issued, out var issueError);
        var due = issued;
        var dueError = item.DueDate is null ? null : SyncValues.TryDate(item.DueDate, "dueDate", out due, out var e) ? null : e;
        errors.AddRange(new[] { issueError, dueError }.OfType<SyncFieldError>());

        var lines = new List<InvoiceLineDraft>();
        for (var i = 0; i < (item.Lines?.Count ?? 0); i++)
        {
            var line = item.Lines![i];
            if (SyncValues.TryAmount(line?.Amount, $"lines[{i}].amount", out var amount, out var error))
            {
                lines.Add(new InvoiceLineDraft(line!.Description ?? "", 1m, amount));
            }
            else
            {
                errors.Add(error!);
            }
        }

        var taxes = new List<InvoiceTaxDraft>();
        for (var i = 0; i < (item.Taxes?.Count ?? 0); i++)
        {
            var tax = item.Taxes![i];
            if (!Enum.TryParse<TaxKind>(tax?.Kind?.Trim(), ignoreCase: true, out var kind) || !Enum.IsDefined(kind) || int.TryParse(tax!.Kind, out _))
            {
                errors.Add(SyncItemErrors.TaxKindUnknown($"taxes[{i}].kind", tax?.Kind));
            }
            else if (SyncValues.TryAmount(tax.Amount, $"taxes[{i}].amount", out var amount, out var error))
            {
                taxes.Add(new InvoiceTaxDraft(kind, null, amount));
            }
            else
            {
                errors.Add(error!);
            }
        }

        return errors.Count > 0 ? (null, errors) : (new InvoiceDraft(clientId, item.Number ?? "", issued, due, item.Currency, lines, taxes) { ExternalId = externalId }, errors);
    }

    /// <summary>What a batch read before its items: stored invoices by external id, their lines and taxes, the clients named.</summary>
    private sealed record BatchState(
        IReadOnlyDictionary<string, Invoice> Invoices,
        IReadOnlyDictionary<Guid, (IReadOnlyList<InvoiceLine> Lines, IReadOnlyList<InvoiceTax> Taxes)> Details,
        IReadOnlyDictionary<string, Guid> ClientIds,
        string DefaultCurrency);

    /// <summary>Billing names the fields of its forms ("Lines[0].UnitAmount"); the wire names them as the JSON does ("lines[0].amount").</summary>
    internal static SyncFieldError ToWire(PortalError error, string fallbackField)
    {
        var field = error.Field switch
        {
            null or "" => fallbackField,
            "ClientId" => "clientExternalId",
            "ExternalId" => "externalId",
            "Allocations[0].Amount" => "amount",
            var f => string.Join('.', f.Replace(".UnitAmount", ".Amount", StringComparison.Ordinal).Replace(".Rate", ".Amount", StringComparison.Ordinal)
                .Split('.').Select(p => char.ToLowerInvariant(p[0]) + p[1..])),
        };
        return new SyncFieldError(field, error.Code, error.Message);
    }
}
