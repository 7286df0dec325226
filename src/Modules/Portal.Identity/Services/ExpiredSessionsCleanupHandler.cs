using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Portal.Core.Jobs;
using Portal.Core.Tenancy;
using Portal.Identity.Data;

namespace Portal.Identity.Services;

/// <summary>
/// Platform job: deletes expired sessions, spent one-time links and sign-in counters that no longer
/// count (a counter row exists for every address anyone typed, so they must not pile up) in every
/// running practice.
/// </summary>
public sealed class ExpiredSessionsCleanupHandler(TenantRegistry registry, TenantScopeFactory scopes, IOptions<PortalIdentityOptions> options, TimeProvider clock) : IJobHandler
{
    public static string JobType => "identity.cleanup";

    public async Task ExecuteAsync(JobContext context, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var tenant in registry.Running.ToList())
        {
            await using var scope = scopes.CreateScope(tenant);
            var db = scope.ServiceProvider.GetRequiredService<UsersDbContext>();
            await db.Sessions.Where(s => s.ExpiresAt < now).ExecuteDeleteAsync(cancellationToken);
            await db.AccountTokens.Where(t => t.ExpiresAt < now.AddDays(-30)).ExecuteDeleteAsync(cancellationToken);
            var windowStart = now - options.Value.ThrottleWindow;
            await db.SignInThrottles.Where(t => t.WindowStartedAt < windowStart && (t.BlockedUntil == null || t.BlockedUntil <= now))
                .ExecuteDeleteAsync(cancellationToken);
        }
    }
}
