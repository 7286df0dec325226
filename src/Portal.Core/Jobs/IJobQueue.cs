namespace Portal.Core.Jobs;

public interface IJobQueue
{
    Task<Guid> EnqueueAsync(JobRequest request, CancellationToken cancellationToken = default);
}
