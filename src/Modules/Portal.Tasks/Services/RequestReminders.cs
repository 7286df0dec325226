using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Contracts;
using Portal.Core.Settings;
using Portal.Core.Time;
using Portal.Tasks.Data;
using Portal.Tasks.Models;

namespace Portal.Tasks.Services;

/// <summary>
/// Today's reminders of open document requests, on the practice's schedule (<see cref="TaskSettings"/>):
/// one reminder per request and day at most (a row per day sent, written with the reminders), to each
/// portal user the request is for. A request that is done or closed is no longer open and gets none.
/// </summary>
public sealed class RequestReminders(
    TasksDbContext db,
    TaskAccess access,
    IUserDirectory users,
    IReminderQueue reminders,
    SiteSettingsStore settings,
    IPracticeClock clock,
    IAuditLog audit)
{
    /// <summary>Queues today's reminders; returns how many e-mails were queued.</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        var schedule = await settings.GetAsync<TaskSettings>(cancellationToken);
        var today = await clock.TodayAsync(cancellationToken);
        var latestDue = today.AddDays(schedule.DaysBefore);
        var candidates = await db.Tasks.AsNoTracking()
            .Where(t => t.State == TaskState.Open && t.IsRequest && t.DueOn != null && t.DueOn <= latestDue)
            .Where(t => !db.RemindersSent.Any(r => r.TaskId == t.Id && r.Day == today))
            .OrderBy(t => t.DueOn)
            .ToListAsync(cancellationToken);
        var queued = 0;
        foreach (var task in candidates.Where(t => schedule.RemindsOn(t.DueOn!.Value, today)))
        {
            if (!await ClaimAsync(task.Id, today, cancellationToken))
            {
                continue;
            }

            var people = await users.FindManyAsync(await access.RecipientsAsync(task, cancellationToken), cancellationToken);
            foreach (var person in people.Values.Where(p => !p.IsDisabled))
            {
                await reminders.QueueAsync(
                    new ReminderRequest(
                        RequestReminderKind.Name,
                        person.Id,
                        person.Email,
                        $"Reminder of \"{task.Title}\" to {person.DisplayName}",
                        JsonSerializer.Serialize(new RequestReminderPayload(task.Id, person.Id, person.DisplayName)),
                        $"{RequestReminderKind.Name}:{task.Id:N}:{person.Id:N}"),
                    cancellationToken);
                queued++;
            }

            await audit.RecordAsync(new AuditEntry(TaskAuditActions.ReminderQueued, TaskAuditTargets.Task, task.Id.ToString(), $"{people.Count} recipients, due {task.DueOn:yyyy-MM-dd}"), cancellationToken);
        }

        return queued;
    }

    /// <summary>
    /// Writes the request's row for the day; false when another run (the practice job on another
    /// server, or a run started by hand) wrote it first, which then sends the day's reminder itself.
    /// </summary>
    private async Task<bool> ClaimAsync(Guid taskId, DateOnly day, CancellationToken cancellationToken)
    {
        var claim = db.RemindersSent.Add(new TaskReminderSent { TaskId = taskId, Day = day, SentAt = clock.UtcNow });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            claim.State = EntityState.Detached;
            if (await db.RemindersSent.AsNoTracking().AnyAsync(r => r.TaskId == taskId && r.Day == day, cancellationToken))
            {
                return false;
            }

            throw;
        }
    }
}
