namespace Portal.Core.Jobs;

/// <summary>A row of the durable job queue (host store).</summary>
public sealed class JobRecord
{
    public Guid Id { get; set; }

    /// <summary>The practice the job acts for; null for platform jobs.</summary>
    public string? Tenant { get; set; }

    public string Type { get; set; } = "";

    /// <summary>JSON.</summary>
    public string Payload { get; set; } = "{}";

    public JobState State { get; set; }

    public int Attempts { get; set; }

    public int MaxAttempts { get; set; }

    public DateTime RunAfter { get; set; }

    /// <summary>The worker holding the job while it runs.</summary>
    public string? LockedBy { get; set; }

    /// <summary>When the holder's lease ends; after that another worker may take the job (crash recovery).</summary>
    public DateTime? LockedUntil { get; set; }

    public string? LastError { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? CompletedAt { get; set; }
}
