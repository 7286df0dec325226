using Portal.Core.Jobs;

namespace Portal.Tasks.Services;

/// <summary>The practice job that sends the day's request reminders (08:00 in the practice's zone).</summary>
public sealed class RequestReminderHandler(RequestReminders reminders) : IJobHandler<ScheduledRun>
{
    public static string JobType => "tasks.request-reminders";

    public Task ExecuteAsync(ScheduledRun payload, JobContext context, CancellationToken cancellationToken)
        => reminders.SendDueAsync(cancellationToken);
}
