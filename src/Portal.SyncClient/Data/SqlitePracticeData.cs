using Microsoft.Data.Sqlite;
using PortalSync.Hosting;

namespace PortalSync.Data;

/// <summary>A practice data file in SQLite (the tables of <see cref="PracticeSchema"/>); write-back goes to its portal_* tables.</summary>
internal sealed class SqlitePracticeData : TabularPracticeData, IWriteBackSink
{
    private readonly SqliteConnection _connection;
    private readonly string _path;

    private SqlitePracticeData(string path, SqliteConnection connection)
        : base(Path.GetDirectoryName(Path.GetFullPath(path))!)
    {
        _path = path;
        _connection = connection;
    }

    public override string Description => Path.GetFileName(_path);

    public override IWriteBackSink WriteBack => this;

    public static async Task<SqlitePracticeData> OpenAsync(string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            throw new FatalException($"The data file {path} does not exist.");
        }

        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWrite, Pooling = false }.ToString());
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var check = connection.CreateCommand();
            check.CommandText = "SELECT count(*) FROM sqlite_master";
            await check.ExecuteScalarAsync(cancellationToken);
        }
        catch (SqliteException e)
        {
            await connection.DisposeAsync();
            throw new FatalException($"{path} is not a SQLite data file ({e.Message}).");
        }

        return new SqlitePracticeData(path, connection);
    }

    /// <summary>Makes an empty data file with every table (for sample data and for programs exporting to it).</summary>
    public static async Task CreateSchemaAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        foreach (var (table, columns) in PracticeSchema.Tables)
        {
            await ExecuteAsync(connection, $"CREATE TABLE IF NOT EXISTS {table} ({string.Join(", ", columns.Select(c => c + " TEXT"))})", cancellationToken);
        }

        await EnsureWriteBackTablesAsync(connection, cancellationToken);
    }

    public async Task<int> WriteAsync(IReadOnlyList<OnlinePayment> payments, IReadOnlyList<ClientMessage> messages, IReadOnlyList<CompletedTask> tasks, CancellationToken cancellationToken)
    {
        await EnsureWriteBackTablesAsync(_connection, cancellationToken);
        await using var transaction = (SqliteTransaction)await _connection.BeginTransactionAsync(cancellationToken);
        var written = 0;
        foreach (var p in payments)
        {
            written += await InsertAsync(transaction, "portal_payments", [p.EventId, p.ContactExternalId, p.PaymentId, p.InvoiceExternalId, p.InvoiceNumber, p.Amount, p.Currency, p.ReceivedOn, p.Method, p.OccurredAt.ToString("O")], cancellationToken);
        }

        foreach (var m in messages)
        {
            written += await InsertAsync(transaction, "portal_messages", [m.EventId, m.ContactExternalId, m.ThreadId, m.Subject, m.Sender, m.Text, m.OccurredAt.ToString("O")], cancellationToken);
        }

        foreach (var t in tasks)
        {
            written += await InsertAsync(transaction, "portal_tasks", [t.EventId, t.ContactExternalId, t.TaskId, t.Title, t.CompletedAt, t.OccurredAt.ToString("O")], cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return written;
    }

    public override ValueTask DisposeAsync() => _connection.DisposeAsync();

    protected override async Task<IReadOnlyList<PracticeRow>> ReadTableAsync(string table, CancellationToken cancellationToken)
    {
        await using var exists = _connection.CreateCommand();
        exists.CommandText = "SELECT count(*) FROM sqlite_master WHERE type IN ('table', 'view') AND name = $name";
        exists.Parameters.AddWithValue("$name", table);
        if (Convert.ToInt64(await exists.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) == 0)
        {
            return [];
        }

        await using var command = _connection.CreateCommand();
        // The table name comes from PracticeSchema, never from the data.
        command.CommandText = $"SELECT * FROM {table} ORDER BY rowid";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<PracticeRow>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < reader.FieldCount; i++)
            {
                values[reader.GetName(i)] = reader.IsDBNull(i) ? null : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture);
            }

            rows.Add(new PracticeRow(values));
        }

        return rows;
    }

    private static async Task EnsureWriteBackTablesAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        foreach (var (table, columns) in PracticeSchema.WriteBackTables)
        {
            await ExecuteAsync(connection, $"CREATE TABLE IF NOT EXISTS {table} ({columns[0]} TEXT PRIMARY KEY, {string.Join(", ", columns.Skip(1).Select(c => c + " TEXT"))})", cancellationToken);
        }
    }

    private static async Task<int> InsertAsync(SqliteTransaction transaction, string table, string?[] values, CancellationToken cancellationToken)
    {
        await using var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        var columns = PracticeSchema.WriteBackTables[table];
        command.CommandText = $"INSERT OR IGNORE INTO {table} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", columns.Select((_, i) => "$p" + i))})";
        for (var i = 0; i < columns.Length; i++)
        {
            command.Parameters.AddWithValue("$p" + i, (object?)values[i] ?? DBNull.Value);
        }

        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
