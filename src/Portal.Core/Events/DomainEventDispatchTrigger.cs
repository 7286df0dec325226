using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Portal.Core.Jobs;

namespace Portal.Core.Events;

/// <summary>
/// EF Core interceptor on every practice DbContext: once the transaction that wrote events has
/// committed (SaveChanges' own, or the caller's explicit one), queues one dispatch job per event and
/// stops tracking them. Events of a rolled-back transaction are forgotten. If queuing fails (or the
/// process dies first), <see cref="DomainEventSweepHandler"/> queues the dispatch later.
/// </summary>
public sealed class DomainEventDispatchTrigger(IServiceScopeFactory scopes, ILogger<DomainEventDispatchTrigger> logger)
    : ISaveChangesInterceptor, IDbTransactionInterceptor
{
    public async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && context.Database.CurrentTransaction is null)
        {
            await QueueCommittedAsync(context);
        }

        return result;
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        // Synchronous saves queue nothing (that would block on the host store); the sweep finds their events.
        return result;
    }

    public async Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context)
        {
            await QueueCommittedAsync(context);
        }
    }

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Forget(eventData.Context);

    /// <summary>Saved events (tracked as unchanged) whose transaction is over: committed ones to queue, rolled-back ones to drop.</summary>
    private static List<DomainEventRecord> TakeSaved(DbContext context)
    {
        if (context.Model.FindEntityType(typeof(DomainEventRecord)) is null)
        {
            return [];
        }

        // Called after every save of every practice context: the save has just detected changes, so skip doing it again.
        var tracker = context.ChangeTracker;
        var detect = tracker.AutoDetectChangesEnabled;
        tracker.AutoDetectChangesEnabled = false;
        try
        {
            var saved = tracker.Entries<DomainEventRecord>().Where(e => e.State == EntityState.Unchanged).ToList();
            foreach (var entry in saved)
            {
                entry.State = EntityState.Detached;
            }

            return saved.Select(e => e.Entity).ToList();
        }
        finally
        {
            tracker.AutoDetectChangesEnabled = detect;
        }
    }

    private static void Forget(DbContext? context)
    {
        if (context is not null)
        {
            TakeSaved(context);
        }
    }

    private async Task QueueCommittedAsync(DbContext context)
    {
        var committed = TakeSaved(context);
        if (committed.Count == 0)
        {
            return;
        }

        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var jobs = scope.ServiceProvider.GetRequiredService<IJobQueue>();
            foreach (var record in committed)
            {
                // Not the caller's token: the change is committed, its events must follow.
                await jobs.EnqueueAsync<DomainEventDispatchHandler, DomainEventDispatch>(
                    new DomainEventDispatch(record.Id),
                    new EnqueueOptions { Tenant = record.Practice, JobId = record.Id },
                    CancellationToken.None);
            }
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Queuing the dispatch of {Count} committed event(s) failed; the sweep will queue them", committed.Count);
        }
    }
}
