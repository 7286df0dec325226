namespace Portal.Reports.Journals;

/// <summary>One line of an entry: a debit is positive, a credit negative (minor units). <see cref="Name"/> is the customer, on the receivable line only.</summary>
public sealed record JournalLine(JournalAccount Account, long Amount, string? Name, string Memo)
{
    public long Debit => Amount > 0 ? Amount : 0;

    public long Credit => Amount < 0 ? -Amount : 0;
}
