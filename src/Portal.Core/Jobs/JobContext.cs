using System.Text.Json;

namespace Portal.Core.Jobs;

/// <summary>What a handler knows about the job it runs.</summary>
public sealed class JobContext(Guid jobId, string? tenant, string payload, int attempt, int maxAttempts)
{
    public Guid JobId { get; } = jobId;

    public string? Tenant { get; } = tenant;

    /// <summary>1 on the first run.</summary>
    public int Attempt { get; } = attempt;

    public int MaxAttempts { get; } = maxAttempts;

    public bool IsLastAttempt => Attempt >= MaxAttempts;

    internal T ReadPayload<T>() => JsonSerializer.Deserialize<T>(payload, JobSerializer.Options)
        ?? throw new InvalidOperationException($"Job {JobId} has an empty payload.");
}

internal static class JobSerializer
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);
}
