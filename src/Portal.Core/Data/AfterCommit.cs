using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Portal.Core.Data;

/// <summary>
/// Work that must wait for a practice transaction's commit, such as queuing the job that sends an outbox
/// row written in it: a job queued earlier would look for the row before it exists (inside a sync batch,
/// up to 250 items earlier) and find nothing. An interceptor on every practice context, keyed by the
/// transaction: the context that began it sees the commit even when others wrote in it. A rollback drops
/// the work (the sweeps that back every such queue pick up anything a crash lost).
/// </summary>
public sealed class AfterCommit : IDbTransactionInterceptor
{
    private static readonly ConditionalWeakTable<DbTransaction, List<Func<Task>>> Waiting = [];

    /// <summary>Runs <paramref name="work"/> once <paramref name="transaction"/> has committed.</summary>
    public static void Add(DbTransaction transaction, Func<Task> work)
    {
        var waiting = Waiting.GetValue(transaction, _ => []);
        lock (waiting)
        {
            waiting.Add(work);
        }
    }

    public async Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (!Waiting.TryGetValue(transaction, out var waiting))
        {
            return;
        }

        Waiting.Remove(transaction);
        foreach (var work in waiting)
        {
            await work();
        }
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData)
    {
        if (Waiting.TryGetValue(transaction, out var waiting))
        {
            Waiting.Remove(transaction);
            foreach (var work in waiting)
            {
                work().GetAwaiter().GetResult();
            }
        }
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Waiting.Remove(transaction);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Waiting.Remove(transaction);
        return Task.CompletedTask;
    }
}
