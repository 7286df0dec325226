using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Jobs;
using Portal.Core.Tenancy;
using Portal.Identity.Data;

namespace Portal.Identity.Services;

/// <summary>Platform job: deletes expired sessions and spent one-time links in every running practice.</summary>
public sealed class ExpiredSessionsCleanupHandler(TenantRegistry registry, TenantScopeFactory scopes, TimeProvider clock) : IJobHandler
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
        }
    }
}
