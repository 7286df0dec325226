using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Contracts;
using Portal.Core.Jobs;
using Portal.Core.Time;
using Portal.Tasks.Data;

namespace Portal.Tasks.Services;

/// <summary>
/// At the end of a batching window: queues one "new comments" reminder per person on the other side
/// for the comments not yet announced, then marks them announced. The reminder's deduplication key
/// replaces one still waiting for review, so a person never has two for the same task.
/// </summary>
public sealed class CommentNoticeHandler(
    TasksDbContext db,
    TaskAccess access,
    IUserDirectory users,
    IReminderQueue reminders,
    IPracticeClock clock) : IJobHandler<CommentNotice>
{
    public static string JobType => "tasks.comment-notice";

    public async Task ExecuteAsync(CommentNotice payload, JobContext context, CancellationToken cancellationToken)
    {
        var task = await db.Tasks.AsNoTracking().SingleOrDefaultAsync(t => t.Id == payload.TaskId, cancellationToken);
        if (task is null)
        {
            return;
        }

        var comments = await db.Comments.Where(c => c.TaskId == task.Id && c.FromClient == payload.FromClient && c.NotifiedAt == null).ToListAsync(cancellationToken);
        if (comments.Count == 0)
        {
            return;
        }

        var authors = comments.Select(c => c.AuthorId).ToHashSet();
        var recipients = payload.FromClient ? [task.CreatedBy] : await access.RecipientsAsync(task, cancellationToken);
        var people = await users.FindManyAsync(recipients.Where(r => !authors.Contains(r)), cancellationToken);
        foreach (var person in people.Values.Where(p => !p.IsDisabled))
        {
            var notice = new CommentReminderPayload(task.Id, person.Id, person.DisplayName, !payload.FromClient, comments.Count);
            await reminders.QueueAsync(
                new ReminderRequest(
                    CommentReminderKind.Name,
                    person.Id,
                    person.Email,
                    $"New comments on \"{task.Title}\" for {person.DisplayName}",
                    JsonSerializer.Serialize(notice),
                    $"{CommentReminderKind.Name}:{task.Id:N}:{person.Id:N}"),
                cancellationToken);
        }

        var now = clock.UtcNow;
        foreach (var comment in comments)
        {
            comment.NotifiedAt = now;
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
