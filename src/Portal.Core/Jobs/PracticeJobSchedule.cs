namespace Portal.Core.Jobs;

/// <summary>
/// When a practice recurring job is next due in one practice. Shared by all servers: the server whose
/// conditional update moves <see cref="NextRunAt"/> on queues the run, in the same transaction.
/// </summary>
public sealed class PracticeJobSchedule
{
    public string JobType { get; set; } = "";

    public string Tenant { get; set; } = "";

    /// <summary>The practice's time zone <see cref="NextRunAt"/> was worked out in; when the practice changes zone, the row is rescheduled.</summary>
    public string TimeZone { get; set; } = "";

    public DateTime NextRunAt { get; set; }
}
