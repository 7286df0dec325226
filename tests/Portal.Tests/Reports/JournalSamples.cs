using Portal.Reports.Journals;

namespace Portal.Tests.Reports;

/// <summary>
/// The fixed set the golden files were made from: a card payment with a processor fee, a cheque
/// without one, a payment later partly refunded and one refunded in full. Names with a comma, an
/// accent and quotes test each format's quoting and encoding.
/// </summary>
internal static class JournalSamples
{
    public const long FirstNumber = 1001;

    public static readonly AccountingTransaction[] Transactions =
    [
        new(AccountingTransactionKind.Payment, new DateOnly(2026, 3, 15), "Smith Co", "INV-42", "pi_123", 10_000, 320, "CAD"),
        new(AccountingTransactionKind.Payment, new DateOnly(2026, 3, 16), "Tremblay & Fils, Inc.", "INV-43", "CHQ 1044", 25_000, 0, "CAD"),
        new(AccountingTransactionKind.Payment, new DateOnly(2026, 3, 17), "Café Lumière \"Centre\"", "INV-44", "pi_456", 50_000, 1_480, "CAD"),
        new(AccountingTransactionKind.Refund, new DateOnly(2026, 3, 20), "Café Lumière \"Centre\"", "INV-44", "re_789", 20_000, 0, "CAD"),
        new(AccountingTransactionKind.Payment, new DateOnly(2026, 3, 18), "Nguyen Family Trust", null, "pi_999", 7_500, 248, "CAD"),
        new(AccountingTransactionKind.Refund, new DateOnly(2026, 3, 21), "Nguyen Family Trust", null, "re_555", 7_500, 0, "CAD"),
    ];

    public static IAsyncEnumerable<JournalEntry> Entries(IEnumerable<AccountingTransaction>? transactions = null)
        => JournalEntries.For(AsAsync(transactions ?? Transactions), FirstNumber);

    public static async IAsyncEnumerable<T> AsAsync<T>(IEnumerable<T> items)
    {
        foreach (var item in items)
        {
            await Task.Yield();
            yield return item;
        }
    }

    public static async Task<(byte[] Bytes, JournalFileResult Result)> WriteAsync(JournalFileWriter writer, IEnumerable<AccountingTransaction>? transactions = null, AccountMapping? mapping = null)
    {
        var output = new MemoryStream();
        var result = await writer.WriteAsync(Entries(transactions), mapping ?? new AccountMapping(), output, CancellationToken.None);
        return (output.ToArray(), result);
    }
}
