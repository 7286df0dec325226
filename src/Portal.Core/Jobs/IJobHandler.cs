namespace Portal.Core.Jobs;

/// <summary>
/// What the worker runs. Implement <see cref="IJobHandler{TPayload}"/>: the payload type is part of the
/// handler's signature, so enqueuing the wrong payload for a handler does not compile.
/// </summary>
public interface IJobHandler
{
    /// <summary>The handler's stable name, stored with every queued job; changing it orphans queued jobs.</summary>
    static abstract string JobType { get; }

    internal Task RunAsync(JobContext context, CancellationToken cancellationToken);
}

/// <summary>
/// Runs one type of job. Jobs are delivered at least once, so a handler must be idempotent: running
/// it twice for the same job must not do the work twice. Throwing schedules a retry with backoff.
/// </summary>
public interface IJobHandler<TPayload> : IJobHandler
{
    Task ExecuteAsync(TPayload payload, JobContext context, CancellationToken cancellationToken);

    Task IJobHandler.RunAsync(JobContext context, CancellationToken cancellationToken)
        => ExecuteAsync(context.ReadPayload<TPayload>(), context, cancellationToken);
}
