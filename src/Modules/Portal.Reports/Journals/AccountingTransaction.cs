namespace Portal.Reports.Journals;

public enum AccountingTransactionKind
{
    Payment,
    Refund,
}

/// <summary>
/// Money that moved, as the books see it: a payment received, or a refund paid back. Amounts are
/// positive minor units; <see cref="Fee"/> is the processor's fee taken (or, on a refund, given back).
/// </summary>
public sealed record AccountingTransaction(
    AccountingTransactionKind Kind,
    DateOnly Date,
    string Customer,
    string? InvoiceNumber,
    string Reference,
    long Gross,
    long Fee,
    string Currency);
