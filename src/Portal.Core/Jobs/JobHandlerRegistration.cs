namespace Portal.Core.Jobs;

public sealed record JobHandlerRegistration(string JobType, Type HandlerType);

/// <summary>A platform job enqueued on a fixed interval (only one server enqueues each run).</summary>
public sealed record RecurringJobDefinition(string Name, string JobType, TimeSpan Interval);
