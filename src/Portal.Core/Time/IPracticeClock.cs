namespace Portal.Core.Time;

/// <summary>
/// The current practice's time zone and its "today" (Orchard's ILocalClock). Stored times stay UTC;
/// everything a person reads, on a page or in an e-mail, is converted through this and says which zone
/// it is in. Modules depend on this contract; tests and jobs may give their own.
/// </summary>
public interface IPracticeClock
{
    Task<PracticeTimeZone> ZoneAsync(CancellationToken cancellationToken = default);

    /// <summary>"Today" where the practice is: a contributor whose access ends on 30 June keeps it until midnight of 30 June there, not in UTC.</summary>
    Task<DateOnly> TodayAsync(CancellationToken cancellationToken = default);

    /// <summary>Now, in UTC (stored values are UTC).</summary>
    DateTime UtcNow { get; }
}
