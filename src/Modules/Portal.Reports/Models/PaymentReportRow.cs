namespace Portal.Reports.Models;

/// <summary>
/// One line of a payment report, with exactly the columns of the spec (accounting-exports.md, Reports).
/// Amounts are minor units; <see cref="Net"/> is always gross less fee, so no format can disagree.
/// </summary>
public sealed record PaymentReportRow(
    DateOnly Date,
    string Client,
    string? InvoiceNumber,
    string? Description,
    long Gross,
    long Fee,
    string Currency,
    PaymentReportStatus Status,
    string Method,
    string? ProcessorReference,
    string? RequestedBy)
{
    public long Net => Gross - Fee;
}
