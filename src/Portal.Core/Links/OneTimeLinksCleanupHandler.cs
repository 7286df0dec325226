using Microsoft.EntityFrameworkCore;
using Portal.Core.Data;
using Portal.Core.Jobs;

namespace Portal.Core.Links;

/// <summary>
/// Practice recurring job (hourly): deletes links that expired a while ago. They are kept for
/// <see cref="KeptAfterExpiry"/> so that a late click still reads "expired" rather than "not valid",
/// and a second invitation within that time is worded as a reminder.
/// </summary>
internal sealed class OneTimeLinksCleanupHandler(CoreTenantDbContext db, TimeProvider clock) : IJobHandler<ScheduledRun>
{
    public static readonly TimeSpan KeptAfterExpiry = TimeSpan.FromDays(30);

    public static string JobType => "links.cleanup";

    public Task ExecuteAsync(ScheduledRun payload, JobContext context, CancellationToken cancellationToken)
    {
        var before = clock.GetUtcNow().UtcDateTime - KeptAfterExpiry;
        return db.OneTimeLinks.Where(l => l.ExpiresAt < before).ExecuteDeleteAsync(cancellationToken);
    }
}
