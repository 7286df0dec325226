namespace Portal.Core.Jobs;

/// <summary>The payload of a recurring job: the occurrence of its schedule it runs for (UTC).</summary>
public sealed record ScheduledRun(DateTime ScheduledAt);
