using Portal.Reports.Journals;

namespace Portal.Reports.Exports;

/// <summary>
/// A payment or refund that went into an export. (Program, TransactionId) is unique, so the same
/// payment cannot be put into two files for one program, even by two exports racing.
/// </summary>
public sealed class AccountingExportItem
{
    public Guid Id { get; set; }

    public Guid ExportId { get; set; }

    public JournalFileFormat Program { get; set; }

    public AccountingTransactionKind Kind { get; set; }

    /// <summary>Billing's payment id or refund id (by <see cref="Kind"/>).</summary>
    public Guid TransactionId { get; set; }
}
