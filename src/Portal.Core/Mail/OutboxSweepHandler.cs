using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Data;
using Portal.Core.Jobs;
using Portal.Core.Tenancy;

namespace Portal.Core.Mail;

/// <summary>
/// Platform job: for each running practice, queues again any message that was written to the outbox
/// but never attempted (its send job was lost between the two stores).
/// </summary>
public sealed class OutboxSweepHandler(TenantRegistry registry, TenantScopeFactory scopes, TimeProvider clock) : IJobHandler
{
    public static string JobType => "mail.sweep";

    public static readonly TimeSpan StaleAfter = TimeSpan.FromMinutes(15);

    public async Task ExecuteAsync(JobContext context, CancellationToken cancellationToken)
    {
        var before = clock.GetUtcNow().UtcDateTime - StaleAfter;
        foreach (var tenant in registry.Running.ToList())
        {
            await using var scope = scopes.CreateScope(tenant);
            var db = scope.ServiceProvider.GetRequiredService<CoreTenantDbContext>();
            var jobs = scope.ServiceProvider.GetRequiredService<IJobQueue>();
            var stale = await db.OutboxMessages
                .Where(m => m.State == OutboxState.Pending && m.Attempts == 0 && m.CreatedAt < before)
                .OrderBy(m => m.CreatedAt)
                .Select(m => m.Id)
                .Take(500)
                .ToListAsync(cancellationToken);
            foreach (var id in stale)
            {
                await jobs.EnqueueAsync(new JobRequest(SendOutboxMessageHandler.JobType, new SendOutboxMessage(id)), cancellationToken);
            }
        }
    }
}
