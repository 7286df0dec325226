using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace Portal.Core.Data;

/// <summary>
/// A service's own transaction, or, when its context already takes part in one (a
/// <see cref="PracticeBatch"/>'s), a savepoint in that one: the service's writes still stand or fall
/// together, and the outer transaction decides when they are committed. Committing releases the
/// savepoint; disposing without committing rolls back to it, and forgets the batch's deferred writes
/// (<see cref="IBatchDeferredWrites"/>) made since it began.
/// </summary>
public static class NestedTransaction
{
    private static long _savepoints;

    public static async Task<IDbContextTransaction> BeginOrNestTransactionAsync(this DatabaseFacade database, CancellationToken cancellationToken)
    {
        if (database.CurrentTransaction is not { } outer)
        {
            return await database.BeginTransactionAsync(cancellationToken);
        }

        var name = FormattableString.Invariant($"nested_{Interlocked.Increment(ref _savepoints)}");
        var batch = PracticeBatch.Of(outer.GetDbTransaction());
        var mark = batch?.Mark();
        await outer.CreateSavepointAsync(name, cancellationToken);
        return new Savepoint(outer, name, () =>
        {
            if (batch is not null && mark is not null)
            {
                batch.UndoTo(mark);
            }
        });
    }

    private sealed class Savepoint(IDbContextTransaction outer, string name, Action undoDeferred) : IDbContextTransaction
    {
        private bool _ended;

        public Guid TransactionId => outer.TransactionId;

        public bool SupportsSavepoints => outer.SupportsSavepoints;

        public void Commit()
        {
            outer.ReleaseSavepoint(name);
            _ended = true;
        }

        public async Task CommitAsync(CancellationToken cancellationToken = default)
        {
            await outer.ReleaseSavepointAsync(name, cancellationToken);
            _ended = true;
        }

        public void Rollback()
        {
            outer.RollbackToSavepoint(name);
            outer.ReleaseSavepoint(name);
            undoDeferred();
            _ended = true;
        }

        public async Task RollbackAsync(CancellationToken cancellationToken = default)
        {
            // Rolling back to a savepoint keeps it on the stack (SQL standard); release it too.
            await outer.RollbackToSavepointAsync(name, cancellationToken);
            await outer.ReleaseSavepointAsync(name, cancellationToken);
            undoDeferred();
            _ended = true;
        }

        public void CreateSavepoint(string savepoint) => outer.CreateSavepoint(savepoint);

        public Task CreateSavepointAsync(string savepoint, CancellationToken cancellationToken = default) => outer.CreateSavepointAsync(savepoint, cancellationToken);

        public void RollbackToSavepoint(string savepoint) => outer.RollbackToSavepoint(savepoint);

        public Task RollbackToSavepointAsync(string savepoint, CancellationToken cancellationToken = default) => outer.RollbackToSavepointAsync(savepoint, cancellationToken);

        public void ReleaseSavepoint(string savepoint) => outer.ReleaseSavepoint(savepoint);

        public Task ReleaseSavepointAsync(string savepoint, CancellationToken cancellationToken = default) => outer.ReleaseSavepointAsync(savepoint, cancellationToken);

        public void Dispose()
        {
            if (!_ended)
            {
                Rollback();
            }
        }

        public async ValueTask DisposeAsync()
        {
            if (!_ended)
            {
                await RollbackAsync(CancellationToken.None);
            }
        }
    }
}
