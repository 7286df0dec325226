namespace Portal.Reports.Journals;

/// <summary>
/// Turns payments and refunds into balanced entries. A payment: Dr clearing the net, Dr fees the
/// processor's fee (no line when there is none), Cr receivable the gross with the customer. A refund:
/// the same lines with the signs turned (the reversing entry) for the amount refunded.
/// </summary>
public static class JournalEntries
{
    public static JournalEntry For(AccountingTransaction transaction, long number)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        if (Problem(transaction) is { } problem)
        {
            throw new ArgumentException(problem, nameof(transaction));
        }

        var refund = transaction.Kind == AccountingTransactionKind.Refund;
        var sign = refund ? -1 : 1;
        var document = transaction.InvoiceNumber ?? transaction.Reference;
        var lines = new List<JournalLine>(3)
        {
            new(JournalAccount.Clearing, sign * (transaction.Gross - transaction.Fee), null, refund ? "Refund paid out" : "Net receipt"),
        };
        if (transaction.Fee != 0)
        {
            lines.Add(new(JournalAccount.Fees, sign * transaction.Fee, null, refund ? "Processor fee returned" : "Processor fee"));
        }

        lines.Add(new(JournalAccount.Receivable, -sign * transaction.Gross, transaction.Customer, refund ? "Refund " + document : document));
        var narration = refund
            ? $"Refund {transaction.Reference} to {transaction.Customer}"
            : $"Payment {transaction.Reference} from {transaction.Customer}";
        if (transaction.InvoiceNumber is not null)
        {
            narration += (refund ? " of " : " for ") + transaction.InvoiceNumber;
        }

        return new JournalEntry(number, transaction.Date, transaction.Reference, narration, transaction.Currency, lines);
    }

    /// <summary>Why <paramref name="transaction"/> cannot be a balanced entry (checked before a file is begun), or null when it can.</summary>
    public static string? Problem(AccountingTransaction transaction)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        return transaction.Gross <= 0 ? $"A {Word(transaction.Kind)} must have an amount above zero."
            : transaction.Fee < 0 || transaction.Fee > transaction.Gross ? "A processor fee must be from zero to the amount."
            : null;
    }

    /// <summary>Entries numbered from <paramref name="firstNumber"/> in the order the transactions come.</summary>
    public static async IAsyncEnumerable<JournalEntry> For(
        IAsyncEnumerable<AccountingTransaction> transactions,
        long firstNumber,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var number = firstNumber;
        await foreach (var transaction in transactions.WithCancellation(cancellationToken))
        {
            yield return For(transaction, number++);
        }
    }

    private static string Word(AccountingTransactionKind kind) => kind == AccountingTransactionKind.Refund ? "refund" : "payment";
}
