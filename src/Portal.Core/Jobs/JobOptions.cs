namespace Portal.Core.Jobs;

/// <summary>Configuration section <c>Portal:Jobs</c>.</summary>
public sealed class JobOptions
{
    public const string Section = "Portal:Jobs";

    /// <summary>Run a worker in this process (turn off on web-only servers).</summary>
    public bool WorkerEnabled { get; set; } = true;

    /// <summary>Identifies this worker in the queue; defaults to machine name, process id and a random suffix.</summary>
    public string? WorkerId { get; set; }

    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    public int BatchSize { get; set; } = 8;

    public int Concurrency { get; set; } = 2;

    /// <summary>How long a claimed job stays locked to its worker; a crashed worker's jobs return after this.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(5);

    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(10);

    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromHours(1);

    public int DefaultMaxAttempts { get; set; } = 8;

    /// <summary>Succeeded jobs are deleted after this long.</summary>
    public TimeSpan SucceededRetention { get; set; } = TimeSpan.FromDays(7);

    public TimeSpan RecurringCheckInterval { get; set; } = TimeSpan.FromSeconds(30);
}
