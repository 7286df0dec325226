using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using Portal.Core.Jobs;
using Portal.Sync.Data;

namespace Portal.Sync.Services;

/// <summary>
/// Practice recurring job (daily): removes what OpenIddict no longer needs (spent, revoked and expired
/// tokens; authorizations that are not valid and have no valid token left) once older than
/// <see cref="Retention"/>, with their connections, and the device flow's counters.
/// </summary>
internal sealed class SyncPruneHandler(
    SyncDbContext db,
    IOpenIddictTokenManager tokens,
    IOpenIddictAuthorizationManager authorizations,
    UserCodeAttempts attempts,
    TimeProvider clock) : IJobHandler<ScheduledRun>
{
    public const string Schedule = "40 3 * * *";

    /// <summary>Ended connections stay listed on Connected apps (and their tokens kept) this long.</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromDays(30);

    public static string JobType => "sync.prune";

    public Task ExecuteAsync(ScheduledRun payload, JobContext context, CancellationToken cancellationToken) => PruneAsync(cancellationToken);

    public async Task PruneAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var threshold = now - Retention;
        await tokens.PruneAsync(threshold, cancellationToken);
        await authorizations.PruneAsync(threshold, cancellationToken);

        // A connection is what the practice knows of an authorization; without it there is nothing to list or revoke.
        await db.Connections.Where(c => !db.Authorizations.Any(a => a.Id == c.AuthorizationId)).ExecuteDeleteAsync(cancellationToken);
        var polledBefore = now.UtcDateTime - SyncServer.DeviceCodeLifetime;
        await db.DevicePolls.Where(p => p.LastPolledAt < polledBefore).ExecuteDeleteAsync(cancellationToken);
        await attempts.ForgetOldAsync(cancellationToken);
    }
}
