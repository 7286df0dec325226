using Cronos;

namespace Portal.Core.Jobs;

/// <summary>
/// A job queued on a cron schedule: once for the platform (evaluated in UTC), or, when
/// <see cref="ForEachPractice"/>, once for each running practice (evaluated in the practice's time
/// zone), optionally only where <see cref="RequiredFeature"/> is on.
/// </summary>
public sealed record RecurringJobDefinition(string JobType, CronExpression Schedule, bool ForEachPractice)
{
    public string? RequiredFeature { get; init; }

    /// <summary>Attempts of each run; the queue's default (<see cref="JobOptions.DefaultMaxAttempts"/>) when null.</summary>
    public int? MaxAttempts { get; init; }

    /// <summary>Parses a five-field cron expression ("0 2 * * *"); a bad one fails at start-up, naming the job.</summary>
    public static CronExpression Parse(string jobType, string cron)
    {
        CronExpression schedule;
        try
        {
            schedule = CronExpression.Parse(cron);
        }
        catch (CronFormatException ex)
        {
            throw new InvalidOperationException($"The schedule '{cron}' of recurring job {jobType} is not a cron expression: {ex.Message}", ex);
        }

        return schedule.GetNextOccurrence(DateTime.UtcNow) is null
            ? throw new InvalidOperationException($"The schedule '{cron}' of recurring job {jobType} never comes due.")
            : schedule;
    }
}
