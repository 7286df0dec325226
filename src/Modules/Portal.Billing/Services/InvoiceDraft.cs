using Portal.Billing.Models;

namespace Portal.Billing.Services;

/// <summary>An invoice as staff, a recipe or the sync API give it. Amounts are minor units.</summary>
public sealed record InvoiceDraft(
    Guid ClientId,
    string Number,
    DateOnly IssueDate,
    DateOnly DueDate,
    string? Currency,
    IReadOnlyList<InvoiceLineDraft> Lines,
    IReadOnlyList<InvoiceTaxDraft> Taxes)
{
    public string? ExternalId { get; init; }

    public Guid? DocumentId { get; init; }
}

public sealed record InvoiceLineDraft(string Description, decimal Quantity, long UnitAmount);

/// <summary>A tax line: by rate (percent of the lines' subtotal, rounded half away from zero) or by amount.</summary>
public sealed record InvoiceTaxDraft(TaxKind Kind, decimal? RatePercent, long? Amount);
