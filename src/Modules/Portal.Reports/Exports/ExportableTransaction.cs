using Portal.Reports.Journals;

namespace Portal.Reports.Exports;

/// <summary>A payment or refund ready for a journal, with the Billing id it is remembered by.</summary>
public sealed record ExportableTransaction(Guid Id, AccountingTransaction Transaction);
