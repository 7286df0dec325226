using System.Collections.Concurrent;
using System.Data.Common;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
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
/// <remarks>
/// One per practice, on every practice context (a transaction begun by one module's context may carry
/// another's writes, and it is the beginning context that sees the commit); what is pending is shared
/// by all, keyed on the context or transaction it waits for. A write through raw SQL that returns
/// rows, outside SaveChanges and outside a transaction, would wait for the context's next save: the
/// code base writes no such SQL, and the tests of each area prove its writes retire the copies.
/// </remarks>
internal sealed class PracticeDataChangeTracker(Guid practiceId, ILookup<Type, PracticeDataArea> areas, IPracticeDataVersions versions)
    : IDbCommandInterceptor, ISaveChangesInterceptor, IDbTransactionInterceptor
{
    private static readonly ConditionalWeakTable<object, ConcurrentDictionary<string, byte>> Pending = [];
    private static readonly Regex WrittenTable = new("(?:INSERT INTO|UPDATE|DELETE FROM) \"([^\"]+)\"", RegexOptions.CultureInvariant);
    private readonly ConcurrentDictionary<Type, (IModel Model, IReadOnlyDictionary<string, string[]> Areas)> _tables = new();

    public ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
        => ValueTask.FromResult(ReaderExecuted(command, eventData, result));

    public DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result)
    {
        // SaveChanges reads results back: its writes are committed when it ends, or with the transaction.
        Note(command, eventData.Context, command.Transaction ?? (object?)eventData.Context);
        return result;
    }

    public async ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (result == 0)
        {
            // Nothing written (an ExecuteDelete that found no rows: the recurring sweeps), nothing to retire.
        }
        else if (command.Transaction is not null)
        {
            Note(command, eventData.Context, command.Transaction);
        }
        else if (eventData.Context is { } context && Written(command, context) is { Count: > 0 } written)
        {
            await BumpAsync(written);
        }

        return result;
    }

    public int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        if (result == 0)
        {
            // Nothing written, nothing to retire.
        }
        else if (command.Transaction is not null)
        {
            Note(command, eventData.Context, command.Transaction);
        }
        else if (eventData.Context is { } context && Written(command, context) is { Count: > 0 } written)
        {
            // Synchronous ExecuteUpdate/ExecuteDelete are rare (recipes, tests); the bump is a short write to the host store.
            BumpAsync(written).GetAwaiter().GetResult();
        }

        return result;
    }

    public async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context)
        {
            await BumpPendingAsync(context);
        }

        return result;
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (eventData.Context is { } context)
        {
            // Rare (recipes and tests save synchronously); the bump is a short write to the host store.
            BumpPendingAsync(context).GetAwaiter().GetResult();
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
        await BumpPendingAsync(transaction);
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData)
    {
        BumpPendingAsync(transaction).GetAwaiter().GetResult();
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Pending.Remove(transaction);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Pending.Remove(transaction);
        return Task.CompletedTask;
    }

    private void Note(DbCommand command, DbContext? context, object? until)
    {
        if (context is null || until is null || Written(command, context) is not { Count: > 0 } written)
        {
            return;
        }

        var pending = Pending.GetValue(until, _ => new ConcurrentDictionary<string, byte>(StringComparer.Ordinal));
        foreach (var area in written)
        {
            pending.TryAdd(area, 0);
        }
    }

    private List<string>? Written(DbCommand command, DbContext context)
    {
        var sql = command.CommandText;
        if (sql.StartsWith("SELECT", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        List<string>? written = null;
        var tables = AreasOf(context);
        foreach (Match match in WrittenTable.Matches(sql))
        {
            // A table in no declared area still changes what the practice's pages show.
            foreach (var area in tables.GetValueOrDefault(match.Groups[1].Value) ?? [PracticeDataArea.Other])
            {
                if (area != PracticeDataArea.OutsidePages && !(written ??= []).Contains(area))
                {
                    written.Add(area);
                }
            }
        }

        return written;
    }

    private IReadOnlyDictionary<string, string[]> AreasOf(DbContext context)
    {
        if (_tables.TryGetValue(context.GetType(), out var known) && ReferenceEquals(known.Model, context.Model))
        {
            return known.Areas;
        }

        var tables = areas[context.GetType()]
            .SelectMany(area => area.EntityTypes.Select(type => (area.Area, Table: context.Model.FindEntityType(type)?.GetTableName()
                ?? throw new InvalidOperationException($"{type.Name} is not mapped by {context.GetType().Name}."))))
            .GroupBy(t => t.Table, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(t => t.Area).Distinct(StringComparer.Ordinal).ToArray(), StringComparer.Ordinal);
        _tables[context.GetType()] = (context.Model, tables);
        return tables;
    }

    private async Task BumpPendingAsync(object until)
    {
        if (Pending.TryGetValue(until, out var pending))
        {
            Pending.Remove(until);
            await BumpAsync(pending.Keys);
        }
    }

    private async Task BumpAsync(IEnumerable<string> written)
    {
        foreach (var area in written)
        {
            await versions.BumpAsync(practiceId, area, CancellationToken.None);
        }
    }

    private void Forget(DbContext? context)
    {
        if (context is not null)
        {
            Pending.Remove(context);
        }
    }

}
