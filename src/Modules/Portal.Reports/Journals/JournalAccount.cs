namespace Portal.Reports.Journals;

/// <summary>The three accounts a payment touches; the practice's <see cref="AccountMapping"/> names them.</summary>
public enum JournalAccount
{
    Clearing,
    Fees,
    Receivable,
}
