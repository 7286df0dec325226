namespace Portal.Core.Jobs;

public sealed record ClaimedJob(Guid Id, string? Tenant, string Type, string Payload, int Attempts, int MaxAttempts);
