using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Core.Jobs;
using Portal.Identity.Data;

namespace Portal.Identity.Services;

/// <summary>
/// Practice recurring job (hourly): deletes expired sessions and sign-in counters that no longer count (a counter row exists for every address anyone typed, so they must
/// not pile up).
/// </summary>
internal sealed class ExpiredSessionsCleanupHandler(UsersDbContext db, IOptions<PortalIdentityOptions> options, TimeProvider clock) : IJobHandler<ScheduledRun>
{
    public static string JobType => "identity.cleanup";

    public async Task ExecuteAsync(ScheduledRun payload, JobContext context, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await db.Sessions.Where(s => s.ExpiresAt < now).ExecuteDeleteAsync(cancellationToken);
        var windowStart = now - options.Value.ThrottleWindow;
        await db.SignInThrottles.Where(t => t.WindowStartedAt < windowStart && (t.BlockedUntil == null || t.BlockedUntil <= now))
            .ExecuteDeleteAsync(cancellationToken);
    }
}
