using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Portal.Billing.Data;
using Portal.Billing.Models;
using Portal.Core.Contracts;
using Portal.Core.Errors;
using Portal.Core.Events;
using Portal.Core.Security;
using Portal.Core.Settings;

namespace Portal.Billing.Services;

/// <summary>
/// Creates, updates (by external id, for the sync API) and voids invoices. Every way an invoice is
/// made goes through here, so staff, recipes and the sync API get the same checks.
/// </summary>
public sealed class InvoiceBook(
    BillingDbContext db,
    IClientDirectory clients,
    SiteSettingsStore settings,
    IDomainEventPublisher events,
    IAuditLog audit,
    ICurrentActor actor,
    TimeProvider clock,
    IEnumerable<IClientDocumentFiles> documentFiles)
{
    public Task<Invoice?> FindAsync(Guid id, CancellationToken cancellationToken = default)
        => db.Invoices.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, cancellationToken);

    /// <summary>The invoice the practice's program knows by this id (the sync API's key).</summary>
    public Task<Invoice?> FindByExternalIdAsync(string externalId, CancellationToken cancellationToken = default)
        => db.Invoices.AsNoTracking().FirstOrDefaultAsync(i => i.ExternalId == externalId, cancellationToken);

    public async Task<(IReadOnlyList<InvoiceLine> Lines, IReadOnlyList<InvoiceTax> Taxes)> DetailsAsync(Guid invoiceId, CancellationToken cancellationToken = default)
    {
        var lines = await db.InvoiceLines.AsNoTracking().Where(l => l.InvoiceId == invoiceId).OrderBy(l => l.Position).ToListAsync(cancellationToken);
        var taxes = await db.InvoiceTaxes.AsNoTracking().Where(t => t.InvoiceId == invoiceId).OrderBy(t => t.Position).ToListAsync(cancellationToken);
        return (lines, taxes);
    }

    /// <summary>The invoices the practice's program knows by these ids, read in one query (a sync batch reads them all before its items).</summary>
    public async Task<IReadOnlyDictionary<string, Invoice>> FindByExternalIdsAsync(IReadOnlyCollection<string> externalIds, CancellationToken cancellationToken = default)
    {
        if (externalIds.Count == 0)
        {
            return new Dictionary<string, Invoice>(StringComparer.Ordinal);
        }

        var wanted = externalIds.Distinct(StringComparer.Ordinal).ToList();
        return await db.Invoices.AsNoTracking().Where(i => i.ExternalId != null && wanted.Contains(i.ExternalId))
            .ToDictionaryAsync(i => i.ExternalId!, StringComparer.Ordinal, cancellationToken);
    }

    /// <summary><see cref="DetailsAsync"/> of many invoices in two queries; an invoice without lines or taxes has empty lists.</summary>
    public async Task<IReadOnlyDictionary<Guid, (IReadOnlyList<InvoiceLine> Lines, IReadOnlyList<InvoiceTax> Taxes)>> DetailsOfAsync(IReadOnlyCollection<Guid> invoiceIds, CancellationToken cancellationToken = default)
    {
        if (invoiceIds.Count == 0)
        {
            return new Dictionary<Guid, (IReadOnlyList<InvoiceLine>, IReadOnlyList<InvoiceTax>)>();
        }

        var ids = invoiceIds.Distinct().ToList();
        var lines = (await db.InvoiceLines.AsNoTracking().Where(l => ids.Contains(l.InvoiceId)).ToListAsync(cancellationToken)).ToLookup(l => l.InvoiceId);
        var taxes = (await db.InvoiceTaxes.AsNoTracking().Where(t => ids.Contains(t.InvoiceId)).ToListAsync(cancellationToken)).ToLookup(t => t.InvoiceId);
        return ids.ToDictionary(
            id => id,
            id => ((IReadOnlyList<InvoiceLine>)lines[id].OrderBy(l => l.Position).ToList(), (IReadOnlyList<InvoiceTax>)taxes[id].OrderBy(t => t.Position).ToList()));
    }

    /// <summary>Every rule a draft breaks that can be told without saving it, so a form reports them all at once.</summary>
    public async Task<IReadOnlyList<PortalError>> CheckAsync(InvoiceDraft draft, CancellationToken cancellationToken = default)
    {
        var payment = await settings.GetAsync<PaymentSettings>(cancellationToken);
        var currency = string.IsNullOrWhiteSpace(draft.Currency) ? payment.DefaultCurrency : draft.Currency.Trim().ToUpperInvariant();
        var errors = Check(draft, currency, payment).ToList();
        if (await clients.FindAsync(draft.ClientId, cancellationToken) is null)
        {
            errors.Add(BillingErrors.ClientUnknown);
        }
        else if (draft.DocumentId is { } documentId && (await PdfAsync(draft.ClientId, documentId, cancellationToken)) is null)
        {
            errors.Add(BillingErrors.DocumentNotFound);
        }

        return errors;
    }

    /// <summary>The invoice's PDF among the client's documents; null without one, or without the Documents module.</summary>
    public async Task<ClientDocumentFile?> PdfAsync(Guid clientId, Guid? documentId, CancellationToken cancellationToken = default)
        => documentId is { } id && documentFiles.FirstOrDefault() is { } files
            ? await files.FindPdfAsync(clientId, id, cancellationToken)
            : null;

    /// <summary>The invoice's PDF to link to: its name and the Documents download's address (which checks access itself).</summary>
    public async Task<(string Name, string Path)?> PdfLinkAsync(HttpContext httpContext, Invoice invoice, CancellationToken cancellationToken = default)
        => await PdfAsync(invoice.ClientId, invoice.DocumentId, cancellationToken) is { } pdf
            && documentFiles.FirstOrDefault()?.DownloadPath(httpContext, pdf.VersionId) is { } path
                ? (pdf.Name, path)
                : null;

    /// <summary>The client's PDFs an invoice may attach (none without the Documents module).</summary>
    public async Task<IReadOnlyList<ClientDocumentFile>> PdfChoicesAsync(Guid clientId, CancellationToken cancellationToken = default)
        => documentFiles.FirstOrDefault() is { } files ? await files.ListPdfsAsync(clientId, cancellationToken) : [];

    /// <summary>Creates the invoice; with an external id that an invoice already has, updates that invoice instead (the sync API's upsert).</summary>
    public async Task<BillingResult<Invoice>> SaveAsync(InvoiceDraft draft, CancellationToken cancellationToken = default)
    {
        var payment = await settings.GetAsync<PaymentSettings>(cancellationToken);
        var currency = string.IsNullOrWhiteSpace(draft.Currency) ? payment.DefaultCurrency : draft.Currency.Trim().ToUpperInvariant();
        var errors = await CheckAsync(draft, cancellationToken);
        if (errors.Count > 0)
        {
            return BillingResult.Fail<Invoice>(errors);
        }

        var number = draft.Number.Trim();
        var normalized = number.ToUpperInvariant();
        var externalId = string.IsNullOrWhiteSpace(draft.ExternalId) ? null : draft.ExternalId.Trim();
        var existing = externalId is null ? null : await db.Invoices.FirstOrDefaultAsync(i => i.ExternalId == externalId, cancellationToken);
        if (await db.Invoices.AnyAsync(i => i.NormalizedNumber == normalized && (existing == null || i.Id != existing.Id), cancellationToken))
        {
            return BillingResult.Fail<Invoice>(BillingErrors.NumberTaken);
        }

        var invoice = existing ?? new Invoice { Id = Guid.CreateVersion7(), CreatedAt = clock.GetUtcNow().UtcDateTime, CreatedBy = actor.Actor.UserId, Status = InvoiceStatus.Open };
        if (existing is not null)
        {
            if (existing.Status == InvoiceStatus.Void)
            {
                return BillingResult.Fail<Invoice>(BillingErrors.InvoiceVoid);
            }

            await db.InvoiceLines.Where(l => l.InvoiceId == existing.Id).ExecuteDeleteAsync(cancellationToken);
            await db.InvoiceTaxes.Where(t => t.InvoiceId == existing.Id).ExecuteDeleteAsync(cancellationToken);
        }

        var (lines, taxes, subtotal, total) = Amounts(draft, invoice.Id);
        if (total <= 0)
        {
            return BillingResult.Fail<Invoice>(BillingErrors.TotalNotPositive);
        }

        if (existing is not null && total < existing.PaidAmount)
        {
            return BillingResult.Fail<Invoice>(BillingErrors.TotalBelowPaid);
        }

        Fill(invoice, draft, number, externalId, currency, subtotal, total);
        invoice.Status = InvoiceTotals.StatusFor(invoice.Status, total, invoice.PaidAmount);
        if (existing is null)
        {
            db.Invoices.Add(invoice);
            events.Publish(db, new InvoiceCreated(invoice.Id, invoice.ClientId, invoice.Number, invoice.TotalAmount, invoice.Currency));
        }

        db.InvoiceLines.AddRange(lines);
        db.InvoiceTaxes.AddRange(taxes);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two saves raced for one number or external id: the unique index let only one in.
            db.ChangeTracker.Clear();
            var externalTaken = externalId is not null && await db.Invoices.AnyAsync(i => i.ExternalId == externalId, cancellationToken);
            return BillingResult.Fail<Invoice>(externalTaken && existing is null ? BillingErrors.ExternalIdTaken : BillingErrors.NumberTaken);
        }

        await audit.RecordAsync(new AuditEntry(existing is null ? BillingAuditActions.InvoiceCreated : BillingAuditActions.InvoiceUpdated, BillingAuditTargets.Invoice, invoice.Id.ToString(), $"{invoice.Number}: {Money.Format(invoice.TotalAmount, invoice.Currency)}"), cancellationToken);
        return BillingResult.Ok(invoice);
    }

    /// <summary>
    /// The batch form of <see cref="SaveAsync"/> for invoices that are new (the sync API's first sync):
    /// every draft checked as there, row by row in order, with the settings, clients, external ids and
    /// numbers read once for all (an attached PDF is still looked up per draft), and the invoices that
    /// pass saved in one save. A row refused gets its
    /// errors and nothing is written for it; a row whose external id an invoice already has is refused
    /// too (updating is <see cref="SaveAsync"/>'s). A save the unique indexes refuse (a number or an
    /// external id taken meanwhile) throws, so a caller runs it where it can be undone.
    /// </summary>
    public async Task<IReadOnlyList<BillingResult<Invoice>>> CreateManyAsync(IReadOnlyList<InvoiceDraft> drafts, CancellationToken cancellationToken = default)
    {
        var payment = await settings.GetAsync<PaymentSettings>(cancellationToken);
        var known = await clients.FindManyAsync(drafts.Select(d => d.ClientId), cancellationToken);
        var externalIds = drafts.Select(d => d.ExternalId?.Trim()).Where(e => !string.IsNullOrEmpty(e)).Distinct().ToList();
        var numbers = drafts.Select(d => d.Number.Trim().ToUpperInvariant()).Distinct().ToList();
        var takenIds = (await db.Invoices.AsNoTracking().Where(i => i.ExternalId != null && externalIds.Contains(i.ExternalId)).Select(i => i.ExternalId!).ToListAsync(cancellationToken))
            .ToHashSet(StringComparer.Ordinal);
        var takenNumbers = (await db.Invoices.AsNoTracking().Where(i => numbers.Contains(i.NormalizedNumber)).Select(i => i.NormalizedNumber).ToListAsync(cancellationToken))
            .ToHashSet(StringComparer.Ordinal);
        var results = new BillingResult<Invoice>[drafts.Count];
        var made = new List<(int Index, Invoice Invoice)>();
        for (var i = 0; i < drafts.Count; i++)
        {
            var draft = drafts[i];
            var currency = string.IsNullOrWhiteSpace(draft.Currency) ? payment.DefaultCurrency : draft.Currency.Trim().ToUpperInvariant();
            var errors = Check(draft, currency, payment).ToList();
            if (!known.ContainsKey(draft.ClientId))
            {
                errors.Add(BillingErrors.ClientUnknown);
            }
            else if (draft.DocumentId is { } documentId && (await PdfAsync(draft.ClientId, documentId, cancellationToken)) is null)
            {
                errors.Add(BillingErrors.DocumentNotFound);
            }

            if (errors.Count > 0)
            {
                results[i] = BillingResult.Fail<Invoice>(errors);
                continue;
            }

            var number = draft.Number.Trim();
            var externalId = string.IsNullOrWhiteSpace(draft.ExternalId) ? null : draft.ExternalId.Trim();
            var invoice = new Invoice { Id = Guid.CreateVersion7(), CreatedAt = clock.GetUtcNow().UtcDateTime, CreatedBy = actor.Actor.UserId, Status = InvoiceStatus.Open };
            var (lines, taxes, subtotal, total) = Amounts(draft, invoice.Id);
            PortalError? refusal = externalId is not null && takenIds.Contains(externalId) ? BillingErrors.ExternalIdTaken
                : takenNumbers.Contains(number.ToUpperInvariant()) ? BillingErrors.NumberTaken
                : total <= 0 ? BillingErrors.TotalNotPositive
                : null;
            if (refusal is not null)
            {
                results[i] = BillingResult.Fail<Invoice>(refusal);
                continue;
            }

            // A later row may not take what this one took: as if this one were saved first.
            takenNumbers.Add(number.ToUpperInvariant());
            if (externalId is not null)
            {
                takenIds.Add(externalId);
            }

            Fill(invoice, draft, number, externalId, currency, subtotal, total);
            invoice.Status = InvoiceTotals.StatusFor(invoice.Status, total, invoice.PaidAmount);
            db.Invoices.Add(invoice);
            events.Publish(db, new InvoiceCreated(invoice.Id, invoice.ClientId, invoice.Number, invoice.TotalAmount, invoice.Currency));
            db.InvoiceLines.AddRange(lines);
            db.InvoiceTaxes.AddRange(taxes);
            made.Add((i, invoice));
        }

        if (made.Count > 0)
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        foreach (var (index, invoice) in made)
        {
            await audit.RecordAsync(new AuditEntry(BillingAuditActions.InvoiceCreated, BillingAuditTargets.Invoice, invoice.Id.ToString(), $"{invoice.Number}: {Money.Format(invoice.TotalAmount, invoice.Currency)}"), cancellationToken);
            results[index] = BillingResult.Ok(invoice);
        }

        return results;
    }

    /// <summary>Voids an invoice nothing has been paid on; a payment racing the void wins or loses as a whole (one conditional update).</summary>
    public async Task<PortalError?> VoidAsync(Guid invoiceId, string reason, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            return BillingErrors.VoidReasonRequired;
        }

        var invoice = await FindAsync(invoiceId, cancellationToken);
        if (invoice is null)
        {
            return BillingErrors.InvoiceNotFound;
        }

        if (invoice.Status == InvoiceStatus.Void)
        {
            return BillingErrors.InvoiceVoid;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var trimmed = reason.Trim()[..Math.Min(reason.Trim().Length, 500)];
        var voided = await db.Invoices
            .Where(i => i.Id == invoiceId && i.Status != InvoiceStatus.Void && i.PaidAmount == 0)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.Status, InvoiceStatus.Void).SetProperty(i => i.VoidedAt, now).SetProperty(i => i.VoidReason, trimmed), cancellationToken);
        if (voided == 0)
        {
            return BillingErrors.InvoiceHasPayments;
        }

        await audit.RecordAsync(new AuditEntry(BillingAuditActions.InvoiceVoided, BillingAuditTargets.Invoice, invoice.Id.ToString(), $"{invoice.Number}: {trimmed}"), cancellationToken);
        return null;
    }

    private static (List<InvoiceLine> Lines, List<InvoiceTax> Taxes, long Subtotal, long Total) Amounts(InvoiceDraft draft, Guid invoiceId)
    {
        var lines = draft.Lines.Select((l, i) => new InvoiceLine
        {
            Id = Guid.CreateVersion7(),
            InvoiceId = invoiceId,
            Position = i,
            Description = l.Description.Trim(),
            Quantity = l.Quantity,
            UnitAmount = l.UnitAmount,
            Amount = InvoiceTotals.LineAmount(l.Quantity, l.UnitAmount),
        }).ToList();
        var subtotal = lines.Sum(l => l.Amount);
        var taxes = draft.Taxes.Select((t, i) => new InvoiceTax
        {
            Id = Guid.CreateVersion7(),
            InvoiceId = invoiceId,
            Position = i,
            Kind = t.Kind,
            RatePercent = t.RatePercent,
            Amount = InvoiceTotals.TaxAmount(subtotal, t),
        }).ToList();
        return (lines, taxes, subtotal, subtotal + taxes.Sum(t => t.Amount));
    }

    private static void Fill(Invoice invoice, InvoiceDraft draft, string number, string? externalId, string currency, long subtotal, long total)
    {
        invoice.ClientId = draft.ClientId;
        invoice.Number = number;
        invoice.NormalizedNumber = number.ToUpperInvariant();
        invoice.ExternalId = externalId;
        invoice.IssueDate = draft.IssueDate;
        invoice.DueDate = draft.DueDate;
        invoice.Currency = currency;
        invoice.SubtotalAmount = subtotal;
        invoice.TaxAmount = total - subtotal;
        invoice.TotalAmount = total;
        invoice.DocumentId = draft.DocumentId;
    }

    private static IEnumerable<PortalError> Check(InvoiceDraft draft, string currency, PaymentSettings payment)
    {
        if (string.IsNullOrWhiteSpace(draft.Number))
        {
            yield return BillingErrors.NumberRequired;
        }
        else if (draft.Number.Trim().Length > Invoice.NumberMaxLength)
        {
            yield return BillingErrors.NumberTooLong;
        }

        if (draft.ExternalId is { } externalId && externalId.Trim().Length > Invoice.ExternalIdMaxLength)
        {
            yield return BillingErrors.ExternalIdTooLong;
        }

        if (draft.DueDate < draft.IssueDate)
        {
            yield return BillingErrors.DueBeforeIssue;
        }

        if (!payment.Accepts(currency))
        {
            yield return BillingErrors.CurrencyNotAccepted(currency);
        }

        if (draft.Lines.Count == 0)
        {
            yield return BillingErrors.NoLines;
        }

        for (var i = 0; i < draft.Lines.Count; i++)
        {
            var line = draft.Lines[i];
            if (string.IsNullOrWhiteSpace(line.Description) || line.Description.Trim().Length > InvoiceLine.DescriptionMaxLength)
            {
                yield return BillingErrors.LineDescriptionRequired(i);
            }

            if (line.Quantity <= 0 || decimal.Round(line.Quantity, 3) != line.Quantity || line.Quantity > 1_000_000m)
            {
                yield return BillingErrors.LineQuantityInvalid(i);
            }

            if (line.UnitAmount <= 0)
            {
                yield return BillingErrors.AmountNotPositive($"Lines[{i}].UnitAmount");
            }
        }

        for (var i = 0; i < draft.Taxes.Count; i++)
        {
            var tax = draft.Taxes[i];
            if (tax.RatePercent is null && tax.Amount is null)
            {
                yield return BillingErrors.TaxNeedsRateOrAmount(i);
            }

            if (tax.RatePercent is { } rate && (rate <= 0 || rate > 30 || decimal.Round(rate, 4) != rate))
            {
                yield return BillingErrors.TaxRateInvalid(i);
            }

            if (tax.Amount is <= 0)
            {
                yield return BillingErrors.AmountNotPositive($"Taxes[{i}].Amount");
            }
        }
    }
}
