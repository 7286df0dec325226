namespace Portal.Core.Jobs;

/// <summary>When and for whom a job runs. The practice defaults to the one of the current unit of work.</summary>
public sealed record EnqueueOptions
{
    public static EnqueueOptions Default { get; } = new();

    public string? Tenant { get; init; }

    /// <summary>Set to run a platform job from within a practice's unit of work.</summary>
    public bool PlatformJob { get; init; }

    public DateTime? RunAfter { get; init; }

    public int? MaxAttempts { get; init; }

    /// <summary>
    /// The job's id, chosen by the caller to make queuing idempotent: while a job with this id exists
    /// (in any state) it is not queued again. Succeeded jobs are deleted after <see cref="JobOptions.SucceededRetention"/>.
    /// </summary>
    public Guid? JobId { get; init; }
}
