namespace Portal.Reports.Journals;

/// <summary>
/// One balanced journal entry. <see cref="Number"/> tells entries of one file apart (QuickBooks
/// Online's Journal No.); <see cref="Reference"/> is the payment's (the processor's id or the cheque
/// number), <see cref="Narration"/> a sentence for the entry as a whole.
/// </summary>
public sealed record JournalEntry(long Number, DateOnly Date, string Reference, string Narration, string Currency, IReadOnlyList<JournalLine> Lines)
{
    public bool IsBalanced => Lines.Sum(l => l.Amount) == 0;
}
