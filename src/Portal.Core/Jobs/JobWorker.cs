using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portal.Core.Tenancy;

namespace Portal.Core.Jobs;

/// <summary>
/// Takes due jobs from the queue and runs them, each in its own unit of work (scoped to the job's
/// practice). Failures are retried with exponential backoff and jitter; a job that used its last
/// attempt is marked Failed and kept for the operator. On shutdown, running jobs go back to the queue.
/// </summary>
public sealed class JobWorker(
    JobStore store,
    JobWakeUp wakeUp,
    IServiceScopeFactory scopes,
    TenantScopeFactory tenantScopes,
    TenantRegistry registry,
    IEnumerable<JobHandlerRegistration> handlers,
    RecurringJobScheduler scheduler,
    IOptions<JobOptions> options,
    TimeProvider clock,
    ILogger<JobWorker> logger) : BackgroundService
{
    private readonly Dictionary<string, Type> _handlers = handlers.ToDictionary(h => h.JobType, h => h.HandlerType, StringComparer.Ordinal);
    private readonly string _workerId = options.Value.WorkerId
        ?? $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..8]}";

    public string WorkerId => _workerId;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.WorkerEnabled)
        {
            return;
        }

        // Let the host finish starting before the first poll.
        await Task.Yield();
        var nextRecurringCheck = DateTime.MinValue;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var now = clock.GetUtcNow().UtcDateTime;
                if (now >= nextRecurringCheck)
                {
                    await scheduler.EnqueueDueAsync(stoppingToken);
                    nextRecurringCheck = now + settings.RecurringCheckInterval;
                }

                var jobs = await store.ClaimAsync(_workerId, settings.BatchSize, settings.Lease, stoppingToken);
                if (jobs.Count > 0)
                {
                    await Parallel.ForEachAsync(
                        jobs,
                        new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, settings.Concurrency), CancellationToken = CancellationToken.None },
                        (job, _) => new ValueTask(RunAsync(job, stoppingToken)));
                    continue; // there may be more due work
                }

                await wakeUp.WaitAsync(settings.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "The job worker loop failed; retrying after the poll interval");
                try
                {
                    await Task.Delay(settings.PollInterval, clock, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private async Task RunAsync(ClaimedJob job, CancellationToken stoppingToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (!_handlers.TryGetValue(job.Type, out var handlerType))
        {
            logger.LogError("No handler for job type {JobType}; job {JobId} failed", job.Type, job.Id);
            await store.FailAsync(job.Id, _workerId, $"No handler is registered for job type '{job.Type}'.", CancellationToken.None);
            return;
        }

        if (job.Tenant is null && scheduler.IsPracticeJob(job.Type))
        {
            // Queued by an earlier version, which ran this job for all practices in one go; the schedule now queues one per practice.
            logger.LogInformation("Job {JobId} ({JobType}) has no practice; it is now queued once per practice and this run is dropped", job.Id, job.Type);
            await store.CompleteAsync(job.Id, _workerId, CancellationToken.None);
            return;
        }

        TenantDescriptor? tenant = null;
        if (job.Tenant is not null)
        {
            tenant = registry.Find(job.Tenant);
            if (tenant is null)
            {
                await store.FailAsync(job.Id, _workerId, $"The practice '{job.Tenant}' no longer exists.", CancellationToken.None);
                return;
            }

            if (tenant.State != TenantState.Running)
            {
                // Setting up (soon done: the setup also wakes its jobs) or switched off: wait without spending an attempt.
                var wait = tenant.State == TenantState.Disabled ? TimeSpan.FromMinutes(5) : TimeSpan.FromSeconds(5);
                await store.ReleaseAsync(job.Id, _workerId, now + wait, CancellationToken.None);
                return;
            }
        }

        try
        {
            await using var scope = tenant is null ? scopes.CreateAsyncScope() : tenantScopes.CreateScope(tenant);
            var handler = (IJobHandler)scope.ServiceProvider.GetRequiredService(handlerType);
            await handler.RunAsync(new JobContext(job.Id, job.Tenant, job.Payload, job.Attempts, job.MaxAttempts), stoppingToken);
            await store.CompleteAsync(job.Id, _workerId, CancellationToken.None);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            await store.ReleaseAsync(job.Id, _workerId, now, CancellationToken.None);
        }
        catch (Exception ex)
        {
            var error = Describe(ex);
            if (job.Attempts >= job.MaxAttempts)
            {
                logger.LogError(ex, "Job {JobId} ({JobType}) failed on its last attempt {Attempt}", job.Id, job.Type, job.Attempts);
                await store.FailAsync(job.Id, _workerId, error, CancellationToken.None);
            }
            else
            {
                var retryAt = clock.GetUtcNow().UtcDateTime + Backoff(job.Attempts);
                logger.LogWarning(ex, "Job {JobId} ({JobType}) failed on attempt {Attempt}; retrying at {RetryAt:o}", job.Id, job.Type, job.Attempts, retryAt);
                await store.RetryAsync(job.Id, _workerId, retryAt, error, CancellationToken.None);
            }
        }
    }

    /// <summary>base * 2^(attempt-1), capped, with +-20% jitter so retries of many jobs spread out.</summary>
    internal TimeSpan Backoff(int attempt)
    {
        var settings = options.Value;
        var exponential = settings.RetryBaseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attempt - 1, 30));
        var capped = Math.Min(exponential, settings.RetryMaxDelay.TotalMilliseconds);
        var jitter = 0.8 + (Random.Shared.NextDouble() * 0.4);
        return TimeSpan.FromMilliseconds(capped * jitter);
    }

    private static string Describe(Exception ex)
    {
        var text = $"{ex.GetType().Name}: {ex.Message}";
        return text.Length > 2000 ? text[..2000] : text;
    }
}
