namespace Portal.Core.Jobs;

/// <summary>When a recurring job is next due; shared by all servers so only one enqueues it.</summary>
public sealed class RecurringJobSchedule
{
    public string Name { get; set; } = "";

    public DateTime NextRunAt { get; set; }
}
