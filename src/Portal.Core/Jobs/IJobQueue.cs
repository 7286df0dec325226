namespace Portal.Core.Jobs;

public interface IJobQueue
{
    /// <summary>Queues <paramref name="payload"/> for <typeparamref name="THandler"/>, which must be a handler of that payload type.</summary>
    Task<Guid> EnqueueAsync<THandler, TPayload>(TPayload payload, EnqueueOptions options, CancellationToken cancellationToken = default)
        where THandler : IJobHandler<TPayload>;

    /// <summary>
    /// Queues several jobs of one handler in one write to the host store (a batch's committed events):
    /// a job whose <see cref="EnqueueOptions.JobId"/> is queued already is skipped, as one by one.
    /// </summary>
    Task EnqueueManyAsync<THandler, TPayload>(IReadOnlyList<(TPayload Payload, EnqueueOptions Options)> jobs, CancellationToken cancellationToken = default)
        where THandler : IJobHandler<TPayload>;

    Task<Guid> EnqueueAsync<THandler, TPayload>(TPayload payload, CancellationToken cancellationToken = default)
        where THandler : IJobHandler<TPayload>
        => EnqueueAsync<THandler, TPayload>(payload, EnqueueOptions.Default, cancellationToken);
}
