using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;

namespace Portal.Core.Data;

/// <summary>
/// One unit of work's shared practice transaction (<see cref="PracticeBatches"/> opens it): every
/// practice context made in the unit of work uses the same connection and joins the same transaction,
/// so a batch of items costs one commit (one write lock on SQLite, one host-store bump per data area,
/// one queuing of the committed events) instead of several per item. Each item runs in a savepoint,
/// so a failing one is undone alone; the transaction is committed every <see cref="ItemsPerCommit"/>
/// items, so a large batch neither holds SQLite's write lock for long nor loses its done part to a
/// later failure. After each item every context of the batch forgets what it tracked: otherwise each
/// save would compare the whole batch's entities again (profiled: the larger part of a contacts batch).
/// A service that keeps entities across items attaches one again before changing it. Outside a batch
/// (<see cref="IsOpen"/> false) items simply run. Services may keep writes until each commit
/// (<see cref="Defer"/>).
/// </summary>
public sealed partial class PracticeBatch(ILogger<PracticeBatch> logger)
{
    /// <summary>Measured: past a few hundred items a commit's cost no longer shows, and other writers wait less.</summary>
    public const int ItemsPerCommit = 250;

    private const string ItemSavepoint = "batch_item";

    // Which batch a transaction belongs to, so a service's savepoint in it (NestedTransaction) can undo deferred writes too.
    private static readonly ConditionalWeakTable<DbTransaction, PracticeBatch> Batches = new();
    private readonly List<(DbContext Context, string? ConnectionString)> _joined = [];
    private readonly List<IBatchDeferredWrites> _deferred = [];
    private DbContext? _owner;
    private IDbContextTransaction? _transaction;
    private int _sinceCommit;

    public bool IsOpen => _transaction is not null;

    /// <summary>Begins the shared transaction on <paramref name="owner"/>'s connection.</summary>
    internal async Task BeginAsync(DbContext owner, CancellationToken cancellationToken)
    {
        if (_owner is not null)
        {
            throw new InvalidOperationException("This unit of work already has a batch.");
        }

        _owner = owner;
        _transaction = await owner.Database.BeginTransactionAsync(cancellationToken);
        Batches.AddOrUpdate(_transaction.GetDbTransaction(), this);
    }

    /// <summary>The open batch <paramref name="transaction"/> is the transaction of, if any.</summary>
    internal static PracticeBatch? Of(DbTransaction transaction) => Batches.TryGetValue(transaction, out var batch) ? batch : null;

    /// <summary>
    /// Has the batch flush <paramref name="writes"/> before each commit and undo them with the item or
    /// savepoint that made them. Once per service; later calls are ignored.
    /// </summary>
    public void Defer(IBatchDeferredWrites writes)
    {
        if (_transaction is null)
        {
            throw new InvalidOperationException("No batch is open.");
        }

        if (!_deferred.Contains(writes))
        {
            _deferred.Add(writes);
        }
    }

    /// <summary>Where every deferred write stands now; <see cref="UndoTo"/> goes back to it.</summary>
    internal DeferredMark Mark() => new([.. _deferred.Select(d => (d, d.Count))]);

    /// <summary>Forgets the deferred writes made since <paramref name="mark"/> (a service enlisted later had none before it).</summary>
    internal void UndoTo(DeferredMark mark)
    {
        foreach (var writes in _deferred)
        {
            writes.UndoTo(mark.CountOf(writes));
        }
    }

    /// <summary>
    /// Makes a context of the unit of work (one from its practice's pool: a context made anew sets up EF's
    /// services again, profiled as compiled code made and thrown away) use the batch's connection and
    /// transaction. When the batch ends it gets a connection of its own again, before the pool takes it back.
    /// </summary>
    internal TContext Join<TContext>(TContext context)
        where TContext : DbContext
    {
        var transaction = _transaction ?? throw new InvalidOperationException("No batch is open.");
        var connectionString = context.Database.GetConnectionString();
        context.Database.SetDbConnection(_owner!.Database.GetDbConnection(), contextOwnsConnection: false);
        context.Database.UseTransaction(transaction.GetDbTransaction());
        _joined.Add((context, connectionString));
        return context;
    }

    /// <summary>
    /// Runs one item. In a batch: inside a savepoint; an exception undoes the item's writes and becomes
    /// <paramref name="failed"/>'s result, so the other items go on.
    /// </summary>
    public async Task<T> ItemAsync<T>(Func<Task<T>> apply, Func<T> failed, CancellationToken cancellationToken)
    {
        if (_transaction is null)
        {
            return await apply();
        }

        var (result, kept) = await InSavepointAsync(apply, keep: static _ => true, items: 1, cancellationToken);
        return kept ? result! : failed();
    }

    /// <summary>
    /// Runs writes for <paramref name="items"/> items that are kept only together: a result that
    /// <paramref name="keep"/> refuses, or an exception, undoes them all and gives null, and the caller
    /// then applies those items one by one (each failing alone, with its own reason). For a batch form
    /// of a service that checks every row first and writes them all in one save; callers keep a group
    /// to at most <see cref="ItemsPerCommit"/> items, and it counts as that many towards the next commit.
    /// Outside a batch nothing could be undone, so it does not run and gives null.
    /// </summary>
    public async Task<T?> TogetherAsync<T>(Func<Task<T>> apply, Func<T, bool> keep, int items, CancellationToken cancellationToken)
        where T : class
    {
        if (_transaction is null)
        {
            return null;
        }

        var (result, kept) = await InSavepointAsync(apply, keep, Math.Max(items, 1), cancellationToken);
        if (!kept)
        {
            LogGroupUndone(logger, items);
        }

        return kept ? result : null;
    }

    private async Task<(T? Result, bool Kept)> InSavepointAsync<T>(Func<Task<T>> apply, Func<T, bool> keep, int items, CancellationToken cancellationToken)
    {
        var transaction = _transaction!;
        var mark = Mark();
        await transaction.CreateSavepointAsync(ItemSavepoint, cancellationToken);
        T? result = default;
        var kept = false;
        try
        {
            result = await apply();
            if (keep(result))
            {
                await transaction.ReleaseSavepointAsync(ItemSavepoint, cancellationToken);
                kept = true;
            }
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            LogItemFailed(logger, ex);
        }

        if (!kept)
        {
            await transaction.RollbackToSavepointAsync(ItemSavepoint, CancellationToken.None);
            await transaction.ReleaseSavepointAsync(ItemSavepoint, CancellationToken.None);
            UndoTo(mark);
        }

        ForgetTracked();
        _sinceCommit += items;
        if (_sinceCommit >= ItemsPerCommit)
        {
            await CheckpointAsync(cancellationToken);
        }

        return (result, kept);
    }

    /// <summary>Commits what the batch wrote; <see cref="EndAsync"/> follows.</summary>
    internal async Task CommitAsync(CancellationToken cancellationToken)
    {
        var transaction = _transaction ?? throw new InvalidOperationException("No batch is open.");
        await FlushDeferredAsync(cancellationToken);
        LeaveTransaction();
        await transaction.CommitAsync(cancellationToken);

        // Only once committed: a commit that failed is disposed (rolled back) by EndAsync.
        _transaction = null;
        await transaction.DisposeAsync();
    }

    private async Task CheckpointAsync(CancellationToken cancellationToken)
    {
        var done = _transaction!;
        await FlushDeferredAsync(cancellationToken);
        LeaveTransaction();
        await done.CommitAsync(cancellationToken);
        await done.DisposeAsync();
        _sinceCommit = 0;
        _transaction = await _owner!.Database.BeginTransactionAsync(cancellationToken);
        Batches.AddOrUpdate(_transaction.GetDbTransaction(), this);
        foreach (var (context, _) in _joined)
        {
            context.Database.UseTransaction(_transaction.GetDbTransaction());
        }
    }

    private async Task FlushDeferredAsync(CancellationToken cancellationToken)
    {
        foreach (var writes in _deferred)
        {
            await writes.FlushAsync(cancellationToken);
        }

        // What the flushes tracked is saved; the next items start with nothing tracked, as after an item.
        ForgetTracked();
    }

    private void LeaveTransaction()
    {
        foreach (var (context, _) in _joined)
        {
            context.Database.UseTransaction((DbTransaction?)null);
        }
    }

    private void ForgetTracked()
    {
        _owner!.ChangeTracker.Clear();
        foreach (var (context, _) in _joined)
        {
            context.ChangeTracker.Clear();
        }
    }

    /// <summary>
    /// Ends the batch: what was not committed (a failure, a cancelled request) is undone, and every
    /// joined context has its own connection again. Not a disposal by the container, which may dispose
    /// synchronously and would return the contexts to their pools first.
    /// </summary>
    internal async Task EndAsync()
    {
        try
        {
            if (_transaction is { } transaction)
            {
                _transaction = null;
                LeaveTransaction();
                await transaction.DisposeAsync();
            }
        }
        finally
        {
            // Whatever happened above, no context goes back to its pool with the batch's connection.
            if (_owner is not null)
            {
                await _owner.Database.CloseConnectionAsync();
            }

            foreach (var (context, connectionString) in _joined)
            {
                try
                {
                    context.Database.UseTransaction((DbTransaction?)null);
                    context.Database.SetDbConnection(null, contextOwnsConnection: false);
                    context.Database.SetConnectionString(connectionString);
                }
                catch (InvalidOperationException ex)
                {
                    LogConnectionNotRestored(logger, ex, context.GetType().Name);
                }
            }

            _joined.Clear();

            // What was not flushed was not committed either.
            foreach (var writes in _deferred)
            {
                writes.UndoTo(0);
            }

            _deferred.Clear();
        }
    }

    /// <summary>Where each deferred write stood when an item or a savepoint began.</summary>
    internal sealed class DeferredMark((IBatchDeferredWrites Writes, int Count)[] counts)
    {
        public int CountOf(IBatchDeferredWrites writes)
        {
            foreach (var (kept, count) in counts)
            {
                if (ReferenceEquals(kept, writes))
                {
                    return count;
                }
            }

            return 0;
        }
    }

    [LoggerMessage(Level = LogLevel.Critical, Message = "A {Context} of a batch could not be given its own connection back")]
    private static partial void LogConnectionNotRestored(ILogger logger, Exception exception, string context);

    [LoggerMessage(Level = LogLevel.Error, Message = "Writes of a batch failed and were undone; the batch goes on")]
    private static partial void LogItemFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Items} items kept only together were undone; they are applied one by one")]
    private static partial void LogGroupUndone(ILogger logger, int items);
}
