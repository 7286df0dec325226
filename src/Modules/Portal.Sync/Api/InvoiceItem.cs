namespace Portal.Sync.Api;

/// <summary>An invoice as the program sends it (docs/api.md, "Invoices"); dates and amounts are strings, read per item.</summary>
public sealed record InvoiceItem(
    string? ExternalId,
    bool Deleted,
    string? ClientExternalId,
    string? Number,
    string? IssueDate,
    string? DueDate,
    string? Currency,
    IReadOnlyList<InvoiceLineItem>? Lines,
    IReadOnlyList<InvoiceTaxItem>? Taxes) : ISyncItem;

public sealed record InvoiceLineItem(string? Description, string? Amount);

/// <summary><see cref="Kind"/> is GST, HST, PST or QST.</summary>
public sealed record InvoiceTaxItem(string? Kind, string? Amount);
