using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portal.Core.Data;
using Portal.Core.Tenancy;
using Portal.Core.Time;

namespace Portal.Core.Jobs;

/// <summary>
/// Queues the runs of recurring jobs that have come due. A platform job has one schedule row; a
/// practice job has one row per practice, whose next occurrence is worked out in the practice's time
/// zone. A run is queued in the same host-store transaction as the conditional update that moves its
/// row to the next occurrence: among several servers exactly one wins each occurrence, and a crash
/// either queues the run and moves the row, or does neither. Occurrences missed while no server ran,
/// or while a practice was switched off, are made up by one run.
/// </summary>
public sealed class RecurringJobScheduler(
    IDbContextFactory<HostDbContext> hostDb,
    TenantRegistry registry,
    TenantScopeFactory tenantScopes,
    IEnumerable<RecurringJobDefinition> definitions,
    IOptions<JobOptions> options,
    JobWakeUp wakeUp,
    TimeProvider clock,
    ILogger<RecurringJobScheduler> logger) : IDisposable
{
    private readonly Dictionary<string, RecurringJobDefinition> _definitions = definitions.ToDictionary(d => d.JobType, StringComparer.Ordinal);
    private readonly SemaphoreSlim _pass = new(1, 1);

    /// <summary>The zone of each practice schedule row, as this server last saw or wrote it (rows are only removed with their practice).</summary>
    private readonly Dictionary<(string JobType, string Tenant), string> _scheduledZones = [];
    private bool _scheduledZonesLoaded;

    internal bool IsPracticeJob(string jobType) => _definitions.TryGetValue(jobType, out var definition) && definition.ForEachPractice;

    /// <summary>Queues every run that is due now; returns how many this server queued.</summary>
    public async Task<int> EnqueueDueAsync(CancellationToken cancellationToken)
    {
        await _pass.WaitAsync(cancellationToken);
        try
        {
            var queued = await EnqueueDuePlatformJobsAsync(cancellationToken) + await EnqueueDuePracticeJobsAsync(cancellationToken);
            if (queued > 0)
            {
                wakeUp.Signal();
            }

            return queued;
        }
        finally
        {
            _pass.Release();
        }
    }

    public void Dispose() => _pass.Dispose();

    private async Task<int> EnqueueDuePlatformJobsAsync(CancellationToken cancellationToken)
    {
        var queued = 0;
        foreach (var definition in _definitions.Values.Where(d => !d.ForEachPractice))
        {
            var now = clock.GetUtcNow().UtcDateTime;
            await using var db = await hostDb.CreateDbContextAsync(cancellationToken);
            var schedule = await db.RecurringJobSchedules.AsNoTracking().SingleOrDefaultAsync(s => s.Name == definition.JobType, cancellationToken);
            if (schedule is null)
            {
                db.RecurringJobSchedules.Add(new RecurringJobSchedule { Name = definition.JobType, NextRunAt = Next(definition, now, TimeZoneInfo.Utc) });
                _ = await SaveUnlessExistsAsync(db, () => db.RecurringJobSchedules.AnyAsync(s => s.Name == definition.JobType, cancellationToken), cancellationToken);
                continue;
            }

            if (schedule.NextRunAt > now)
            {
                continue;
            }

            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var taken = await db.RecurringJobSchedules
                .Where(s => s.Name == definition.JobType && s.NextRunAt == schedule.NextRunAt)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.NextRunAt, Next(definition, now, TimeZoneInfo.Utc)), cancellationToken);
            if (taken == 1)
            {
                db.Jobs.Add(NewRun(definition, null, schedule.NextRunAt, now));
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                queued++;
            }
        }

        return queued;
    }

    private async Task<int> EnqueueDuePracticeJobsAsync(CancellationToken cancellationToken)
    {
        var practiceJobs = _definitions.Values.Where(d => d.ForEachPractice).ToList();
        if (practiceJobs.Count == 0)
        {
            return 0;
        }

        var zones = await ScheduleRunningPracticesAsync(practiceJobs, cancellationToken);

        var now = clock.GetUtcNow().UtcDateTime;
        List<PracticeJobSchedule> due;
        await using (var db = await hostDb.CreateDbContextAsync(cancellationToken))
        {
            due = await db.PracticeJobSchedules.AsNoTracking().Where(s => s.NextRunAt <= now).OrderBy(s => s.NextRunAt).ToListAsync(cancellationToken);
        }

        var queued = 0;
        foreach (var schedule in due)
        {
            // Being set up, switched off, gone, or its zone unreadable: the row stays due and the practice catches up once it runs again.
            if (registry.Find(schedule.Tenant) is not { State: TenantState.Running } tenant
                || !zones.TryGetValue(tenant.Name, out var zone)
                || !_definitions.TryGetValue(schedule.JobType, out var definition)
                || !definition.ForEachPractice)
            {
                continue;
            }

            try
            {
                var run = definition.RequiredFeature is null || tenant.IsFeatureEnabled(definition.RequiredFeature);
                if (await TakePracticeRunAsync(definition, schedule, Next(definition, now, zone.Info), run, now, cancellationToken))
                {
                    queued++;
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Could not queue {JobType} for practice {Tenant}; the other practices go on", schedule.JobType, schedule.Tenant);
            }
        }

        return queued;
    }

    /// <summary>Moves the practice's row to its next occurrence and, when this server won it and <paramref name="run"/>, queues the run with it.</summary>
    private async Task<bool> TakePracticeRunAsync(RecurringJobDefinition definition, PracticeJobSchedule schedule, DateTime next, bool run, DateTime now, CancellationToken cancellationToken)
    {
        await using var db = await hostDb.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var taken = await db.PracticeJobSchedules
            .Where(s => s.JobType == schedule.JobType && s.Tenant == schedule.Tenant && s.NextRunAt == schedule.NextRunAt)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.NextRunAt, next), cancellationToken);
        if (taken == 0)
        {
            return false; // another server took this occurrence
        }

        if (run)
        {
            db.Jobs.Add(NewRun(definition, schedule.Tenant, schedule.NextRunAt, now));
            await db.SaveChangesAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return run;
    }

    /// <summary>
    /// Gives each running practice a row per practice job, due at the job's next occurrence in the
    /// practice's zone, and reschedules the rows of a practice that changed its zone. Returns the
    /// zone of every practice it could read.
    /// </summary>
    private async Task<Dictionary<string, PracticeTimeZone>> ScheduleRunningPracticesAsync(List<RecurringJobDefinition> practiceJobs, CancellationToken cancellationToken)
    {
        if (!_scheduledZonesLoaded)
        {
            await using var db = await hostDb.CreateDbContextAsync(cancellationToken);
            foreach (var row in await db.PracticeJobSchedules.AsNoTracking().Select(s => new { s.JobType, s.Tenant, s.TimeZone }).ToListAsync(cancellationToken))
            {
                _scheduledZones[(row.JobType, row.Tenant)] = row.TimeZone;
            }

            _scheduledZonesLoaded = true;
        }

        var zones = new Dictionary<string, PracticeTimeZone>(StringComparer.Ordinal);
        foreach (var tenant in registry.Running.ToList())
        {
            try
            {
                var zone = await ZoneOfAsync(tenant, cancellationToken);
                zones[tenant.Name] = zone;
                foreach (var definition in practiceJobs)
                {
                    var key = (definition.JobType, tenant.Name);
                    if (_scheduledZones.TryGetValue(key, out var scheduledIn) && scheduledIn == zone.Info.Id)
                    {
                        continue;
                    }

                    if (scheduledIn is not null || !await TryAddScheduleAsync(definition, tenant, zone, cancellationToken))
                    {
                        await RescheduleAsync(definition, tenant, zone, cancellationToken);
                    }

                    _scheduledZones[key] = zone.Info.Id;
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Could not schedule the recurring jobs of practice {Tenant}; trying again on the next pass", tenant.Name);
            }
        }

        return zones;
    }

    /// <summary>Adds the practice's row; false when it exists already (another server added it).</summary>
    private async Task<bool> TryAddScheduleAsync(RecurringJobDefinition definition, TenantDescriptor tenant, PracticeTimeZone zone, CancellationToken cancellationToken)
    {
        await using var db = await hostDb.CreateDbContextAsync(cancellationToken);
        db.PracticeJobSchedules.Add(new PracticeJobSchedule
        {
            JobType = definition.JobType,
            Tenant = tenant.Name,
            TimeZone = zone.Info.Id,
            NextRunAt = Next(definition, clock.GetUtcNow().UtcDateTime, zone.Info),
        });
        return await SaveUnlessExistsAsync(db, () => db.PracticeJobSchedules.AnyAsync(s => s.JobType == definition.JobType && s.Tenant == tenant.Name, cancellationToken), cancellationToken);
    }

    /// <summary>The practice changed its time zone: its next run is worked out again in the new one (once, whichever server is first).</summary>
    private async Task RescheduleAsync(RecurringJobDefinition definition, TenantDescriptor tenant, PracticeTimeZone zone, CancellationToken cancellationToken)
    {
        var next = Next(definition, clock.GetUtcNow().UtcDateTime, zone.Info);
        await using var db = await hostDb.CreateDbContextAsync(cancellationToken);
        var changed = await db.PracticeJobSchedules
            .Where(s => s.JobType == definition.JobType && s.Tenant == tenant.Name && s.TimeZone != zone.Info.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.TimeZone, zone.Info.Id).SetProperty(x => x.NextRunAt, next), cancellationToken);
        if (changed > 0)
        {
            logger.LogInformation("Practice {Tenant} is now on {TimeZone}: {JobType} next runs at {NextRunAt:o}", tenant.Name, zone.Info.Id, definition.JobType, next);
        }
    }

    private async Task<PracticeTimeZone> ZoneOfAsync(TenantDescriptor tenant, CancellationToken cancellationToken)
    {
        await using var scope = tenantScopes.CreateScope(tenant);
        return await scope.ServiceProvider.GetRequiredService<IPracticeClock>().ZoneAsync(cancellationToken);
    }

    private JobRecord NewRun(RecurringJobDefinition definition, string? tenant, DateTime scheduledAt, DateTime now)
        => JobQueue.NewJob(definition.JobType, tenant, new ScheduledRun(scheduledAt), definition.MaxAttempts ?? options.Value.DefaultMaxAttempts, now, now);

    private static DateTime Next(RecurringJobDefinition definition, DateTime now, TimeZoneInfo zone)
        => definition.Schedule.GetNextOccurrence(now, zone)
            ?? throw new InvalidOperationException($"The schedule of recurring job {definition.JobType} has no occurrence after {now:o}.");

    /// <summary>Saves a new schedule row; false when another server had created it first.</summary>
    private static async Task<bool> SaveUnlessExistsAsync(HostDbContext db, Func<Task<bool>> exists, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            if (!await exists())
            {
                throw;
            }

            return false;
        }
    }
}
