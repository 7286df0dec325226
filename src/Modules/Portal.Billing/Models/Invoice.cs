namespace Portal.Billing.Models;

/// <summary>
/// An invoice to a client. Amounts are minor units (cents) of <see cref="Currency"/>; the total is the
/// lines plus the tax lines, fixed at creation. <see cref="PaidAmount"/> is the sum of the allocations of
/// succeeded payments, and the status follows from it (InvoiceBalance).
/// </summary>
public sealed class Invoice
{
    public const int NumberMaxLength = 50;
    public const int ExternalIdMaxLength = 100;

    public Guid Id { get; set; }

    public Guid ClientId { get; set; }

    public string Number { get; set; } = "";

    /// <summary>Upper-case number: "inv-7" and "INV-7" are one invoice number.</summary>
    public string NormalizedNumber { get; set; } = "";

    /// <summary>The practice-management program's id of the invoice, for the sync API's upserts.</summary>
    public string? ExternalId { get; set; }

    public DateOnly IssueDate { get; set; }

    public DateOnly DueDate { get; set; }

    public string Currency { get; set; } = "CAD";

    public long SubtotalAmount { get; set; }

    public long TaxAmount { get; set; }

    public long TotalAmount { get; set; }

    public long PaidAmount { get; set; }

    public InvoiceStatus Status { get; set; }

    /// <summary>A PDF of the invoice among the client's documents (read through IClientDocumentFiles).</summary>
    public Guid? DocumentId { get; set; }

    public DateTime CreatedAt { get; set; }

    public Guid? CreatedBy { get; set; }

    public DateTime? VoidedAt { get; set; }

    public string? VoidReason { get; set; }

    public long Balance => Status == InvoiceStatus.Void ? 0 : TotalAmount - PaidAmount;
}
