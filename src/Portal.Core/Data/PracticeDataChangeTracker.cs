using System.Collections.Concurrent;
using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Portal.Core.Contracts;

namespace Portal.Core.Data;

/// <summary>
/// Bumps a <see cref="PracticeDataArea"/>'s version after a write to its tables is committed. It reads
/// the SQL of every command a practice context runs, so a new ExecuteDelete cannot forget to retire
/// the copies (a stale copy of who may see a client is an access defect, not a slow page). The bump
/// waits for the commit: the end of SaveChanges without a transaction, the commit of a transaction,
/// or the statement itself for ExecuteUpdate/ExecuteDelete outside one.
/// </summary>
internal sealed class PracticeDataChangeTracker(IEnumerable<PracticeDataArea> areas, IPracticeDataVersions versions)
    : IDbCommandInterceptor, ISaveChangesInterceptor, IDbTransactionInterceptor
{
    private readonly ILookup<Type, PracticeDataArea> _areas = areas.ToLookup(a => a.ContextType);
    private readonly ConditionalWeakTable<IDbContextOptions, PracticeOf> _practices = [];
    private readonly ConditionalWeakTable<IModel, IReadOnlyList<(string Area, string[] Statements)>> _statements = [];
    private readonly ConditionalWeakTable<object, ConcurrentDictionary<string, byte>> _pending = [];

    public bool Tracks(Type contextType) => _areas.Contains(contextType);

    /// <summary>Tells which practice a context's options belong to (they are built once per practice).</summary>
    public void Register(IDbContextOptions options, Guid practiceId) => _practices.AddOrUpdate(options, new PracticeOf(practiceId));

    public async ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
    {
        // SaveChanges reads results back: its writes are committed when it ends, or with the transaction.
        Note(command, eventData.Context, command.Transaction ?? (object?)eventData.Context);
        await Task.CompletedTask;
        return result;
    }

    public DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result)
    {
        Note(command, eventData.Context, command.Transaction ?? (object?)eventData.Context);
        return result;
    }

    public async ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (command.Transaction is not null)
        {
            Note(command, eventData.Context, command.Transaction);
        }
        else if (eventData.Context is { } context && Written(command, context) is { Count: > 0 } written)
        {
            await BumpAsync(context, written);
        }

        return result;
    }

    public int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        Note(command, eventData.Context, command.Transaction ?? (object?)eventData.Context);
        return result;
    }

    public async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context)
        {
            await BumpPendingAsync(context, context);
        }

        return result;
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (eventData.Context is { } context)
        {
            // Rare (recipes and tests save synchronously); the bump is a short write to the host store.
            BumpPendingAsync(context, context).GetAwaiter().GetResult();
        }

        return result;
    }

    public void SaveChangesFailed(DbContextErrorEventData eventData) => Forget(eventData.Context);

    public Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    public async Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context)
        {
            await BumpPendingAsync(context, transaction);
        }
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData)
    {
        if (eventData.Context is { } context)
        {
            BumpPendingAsync(context, transaction).GetAwaiter().GetResult();
        }
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => _pending.Remove(transaction);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        _pending.Remove(transaction);
        return Task.CompletedTask;
    }

    private void Note(DbCommand command, DbContext? context, object? until)
    {
        if (context is null || until is null || Written(command, context) is not { Count: > 0 } written)
        {
            return;
        }

        var pending = _pending.GetValue(until, _ => new ConcurrentDictionary<string, byte>(StringComparer.Ordinal));
        foreach (var area in written)
        {
            pending.TryAdd(area, 0);
        }
    }

    private List<string>? Written(DbCommand command, DbContext context)
    {
        if (!_areas.Contains(context.GetType()))
        {
            return null;
        }

        var sql = command.CommandText;
        if (sql.StartsWith("SELECT", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        List<string>? written = null;
        foreach (var (area, statements) in StatementsOf(context))
        {
            if (statements.Any(s => sql.Contains(s, StringComparison.Ordinal)))
            {
                (written ??= []).Add(area);
            }
        }

        return written;
    }

    private IReadOnlyList<(string Area, string[] Statements)> StatementsOf(DbContext context)
        => _statements.GetValue(context.Model, model => _areas[context.GetType()]
            .Select(area => (area.Area, area.EntityTypes
                .Select(type => model.FindEntityType(type)?.GetTableName() ?? throw new InvalidOperationException($"{type.Name} is not mapped by {context.GetType().Name}."))
                .SelectMany(table => new[] { $"INSERT INTO \"{table}\"", $"UPDATE \"{table}\"", $"DELETE FROM \"{table}\"" })
                .ToArray()))
            .ToList());

    private async Task BumpPendingAsync(DbContext context, object until)
    {
        if (_pending.TryGetValue(until, out var pending))
        {
            _pending.Remove(until);
            await BumpAsync(context, pending.Keys);
        }
    }

    private async Task BumpAsync(DbContext context, IEnumerable<string> written)
    {
        var options = context.GetService<IDbContextOptions>();
        if (!_practices.TryGetValue(options, out var practice))
        {
            throw new InvalidOperationException($"{context.GetType().Name} was built without a practice; its writes cannot retire cached copies.");
        }

        foreach (var area in written)
        {
            await versions.BumpAsync(practice.Id, area, CancellationToken.None);
        }
    }

    private void Forget(DbContext? context)
    {
        if (context is not null)
        {
            _pending.Remove(context);
        }
    }

    private sealed record PracticeOf(Guid Id);
}
