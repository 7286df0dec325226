namespace Portal.Core.Jobs;

/// <summary>When a platform recurring job is next due; shared by all servers so only one enqueues it.</summary>
public sealed class RecurringJobSchedule
{
    /// <summary>The job type.</summary>
    public string Name { get; set; } = "";

    public DateTime NextRunAt { get; set; }
}
