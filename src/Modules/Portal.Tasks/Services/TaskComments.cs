using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Portal.Core.Contracts;
using Portal.Core.Errors;
using Portal.Core.Jobs;
using Portal.Core.Security;
using Portal.Core.Time;
using Portal.Tasks.Data;
using Portal.Tasks.Models;

namespace Portal.Tasks.Services;

/// <summary>
/// Adds comments and arranges for the other side to hear of them: one delayed job per task, side and
/// window (its id made from the three, so every comment of the window finds the job already queued) runs
/// when the window ends and sends one e-mail per person, however many comments came.
/// </summary>
public sealed class TaskComments(TasksDbContext db, IJobQueue jobs, IPracticeClock clock, IAuditLog audit)
{
    /// <summary>The batching window: the other side hears of a task's comments at most once per window.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(5);

    public async Task<PortalError?> AddAsync(ClientTask task, ClaimsPrincipal author, string? text, CancellationToken cancellationToken)
    {
        var body = (text ?? "").Trim();
        if (body.Length == 0)
        {
            return TaskErrors.CommentRequired;
        }

        if (body.Length > TaskComment.TextMaxLength)
        {
            return TaskErrors.CommentTooLong;
        }

        var fromClient = author.IsClientUser();
        var now = clock.UtcNow;
        db.Comments.Add(new TaskComment
        {
            Id = Guid.CreateVersion7(),
            TaskId = task.Id,
            AuthorId = author.IdOf() ?? Guid.Empty,
            AuthorName = author.DisplayNameOf() is { Length: <= ClientTask.NameMaxLength } name ? name : author.DisplayNameOf()[..ClientTask.NameMaxLength],
            FromClient = fromClient,
            Text = body,
            CreatedAt = now,
        });
        await db.SaveChangesAsync(cancellationToken);

        var windowEnd = new DateTime(now.Ticks - (now.Ticks % Window.Ticks), DateTimeKind.Utc) + Window;
        await jobs.EnqueueAsync<CommentNoticeHandler, CommentNotice>(
            new CommentNotice(task.Id, fromClient),
            new EnqueueOptions { RunAfter = windowEnd, JobId = JobIdFor(task.Id, fromClient, windowEnd) },
            cancellationToken);
        await audit.RecordAsync(new AuditEntry(TaskAuditActions.Commented, TaskAuditTargets.Task, task.Id.ToString(), $"{body.Length} characters"), cancellationToken);
        return null;
    }

    private static Guid JobIdFor(Guid taskId, bool fromClient, DateTime windowEnd)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"tasks.comments|{taskId:N}|{fromClient}|{windowEnd.Ticks}"));
        return new Guid(hash.AsSpan(0, 16));
    }
}
