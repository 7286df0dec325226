namespace Portal.Reports.Models;

/// <summary>
/// Which payments a report holds: transaction dates from <see cref="From"/> to <see cref="To"/>
/// (inclusive) and a status (null: all). "Refunded" takes partly refunded payments too, "pending"
/// those still processing.
/// </summary>
public sealed record PaymentReportQuery(DateOnly From, DateOnly To, PaymentReportStatus? Status)
{
    public const int MaxYears = 5;

    /// <summary>What is wrong with the range, by field (From, To); empty when it may be run.</summary>
    public IEnumerable<(string Field, string Message)> Problems()
    {
        if (From > To)
        {
            yield return (nameof(To), "must be on or after the start date.");
        }
        else if (To > From.AddYears(MaxYears))
        {
            yield return (nameof(To), $"must be at most {MaxYears} years after the start date.");
        }
    }
}
