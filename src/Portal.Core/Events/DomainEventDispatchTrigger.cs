using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Portal.Core.Jobs;

namespace Portal.Core.Events;

/// <summary>
/// EF Core interceptor on every practice DbContext: once the transaction that wrote events has
/// committed (SaveChanges' own, or the caller's explicit one), queues one dispatch job per event a
/// handler takes (the others were written dispatched), all of a commit's in one write to the host
/// store, and stops tracking them. Events saved inside a transaction wait for it by the transaction,
/// not the context: a context that joined another's transaction (a <see cref="Data.PracticeBatch"/>)
/// never sees the commit, the beginning context does.
/// Events of a rolled-back transaction are forgotten; those of a rollback to a savepoint (a failed batch
/// item) are not seen, so their dispatch jobs are queued and find no event, which ends them. If queuing
/// fails (or the process dies first), <see cref="DomainEventSweepHandler"/> queues the dispatch later.
/// </summary>
public sealed class DomainEventDispatchTrigger(IServiceScopeFactory scopes, ILogger<DomainEventDispatchTrigger> logger)
    : ISaveChangesInterceptor, IDbTransactionInterceptor
{
    private static readonly ConditionalWeakTable<DbTransaction, List<DomainEventRecord>> Waiting = [];

    public async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is not { } context)
        {
            return result;
        }

        if (context.Database.CurrentTransaction is { } transaction)
        {
            var saved = TakeSaved(context);
            if (saved.Count > 0)
            {
                var waiting = Waiting.GetValue(transaction.GetDbTransaction(), _ => []);
                lock (waiting)
                {
                    waiting.AddRange(saved);
                }
            }
        }
        else
        {
            await QueueAsync(TakeSaved(context));
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
        var committed = eventData.Context is { } context ? TakeSaved(context) : [];
        if (Waiting.TryGetValue(transaction, out var waiting))
        {
            Waiting.Remove(transaction);
            committed.AddRange(waiting);
        }

        await QueueAsync(committed);
    }

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(transaction, eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Forget(transaction, eventData.Context);

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

    private static void Forget(DbTransaction transaction, DbContext? context)
    {
        Waiting.Remove(transaction);
        if (context is not null)
        {
            TakeSaved(context);
        }
    }

    private async Task QueueAsync(List<DomainEventRecord> committed)
    {
        // An event no handler takes was written dispatched (DomainEventPublisher): nothing to queue.
        committed.RemoveAll(record => record.DispatchedAt is not null);
        if (committed.Count == 0)
        {
            return;
        }

        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var jobs = scope.ServiceProvider.GetRequiredService<IJobQueue>();

            // Not the caller's token: the change is committed, its events must follow.
            await jobs.EnqueueManyAsync<DomainEventDispatchHandler, DomainEventDispatch>(
                committed.Select(record => (new DomainEventDispatch(record.Id), new EnqueueOptions { Tenant = record.Practice, JobId = record.Id })).ToList(),
                CancellationToken.None);
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Queuing the dispatch of {Count} committed event(s) failed; the sweep will queue them", committed.Count);
        }
    }
}
