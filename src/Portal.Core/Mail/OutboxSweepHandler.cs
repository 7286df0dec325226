using Microsoft.EntityFrameworkCore;
using Portal.Core.Data;
using Portal.Core.Jobs;

namespace Portal.Core.Mail;

/// <summary>
/// Practice recurring job (every 10 minutes): queues again any message that was written to the
/// outbox but never attempted (its send job was lost between the two stores).
/// </summary>
public sealed class OutboxSweepHandler(CoreTenantDbContext db, IJobQueue jobs, TimeProvider clock) : IJobHandler<ScheduledRun>
{
    public static string JobType => "mail.sweep";

    public static readonly TimeSpan StaleAfter = TimeSpan.FromMinutes(15);

    public async Task ExecuteAsync(ScheduledRun payload, JobContext context, CancellationToken cancellationToken)
    {
        var before = clock.GetUtcNow().UtcDateTime - StaleAfter;
        var stale = await db.OutboxMessages
            .Where(m => m.State == OutboxState.Pending && m.Attempts == 0 && m.CreatedAt < before)
            .OrderBy(m => m.CreatedAt)
            .Select(m => m.Id)
            .Take(500)
            .ToListAsync(cancellationToken);
        foreach (var id in stale)
        {
            await jobs.EnqueueAsync<SendOutboxMessageHandler, SendOutboxMessage>(new SendOutboxMessage(id), cancellationToken);
        }
    }
}
