using System.Globalization;
using Portal.Reports.Journals;

namespace Portal.Reports.Exports;

/// <summary>
/// A payment or refund that cannot become a balanced entry (an amount of zero, a fee above the amount), found
/// before any of its page reaches the writer: the export stops and is rolled back, and the message names it.
/// </summary>
public sealed class UnexportableTransactionException : Exception
{
    public UnexportableTransactionException()
    {
    }

    public UnexportableTransactionException(string message)
        : base(message)
    {
    }

    public UnexportableTransactionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public static UnexportableTransactionException For(AccountingTransaction transaction, string problem)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        var what = transaction.Kind == AccountingTransactionKind.Refund ? "refund" : "payment";
        return new UnexportableTransactionException(
            $"the {what} {transaction.Reference} of {transaction.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} ({transaction.Customer}) cannot be written: {problem} Correct it in Payments, then export again.");
    }
}
