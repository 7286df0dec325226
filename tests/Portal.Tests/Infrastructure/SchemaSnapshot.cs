using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Portal.Tests.Infrastructure;

/// <summary>
/// A provider-neutral text description of a database's tables, columns, keys, indexes and foreign
/// keys, one fact per line, so two databases can be compared line by line.
/// </summary>
public static class SchemaSnapshot
{
    public static async Task<SortedSet<string>> ReadSqliteAsync(string connectionString)
    {
        var facts = new SortedSet<string>(StringComparer.Ordinal);
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        var tables = await QueryAsync(connection, "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'", r => (Name: r.GetString(0), Sql: r.GetString(1)));
        foreach (var (table, sql) in tables.Where(t => !IsBookkeeping(t.Name)))
        {
            facts.Add($"table {table}");
            if (sql.Contains("AUTOINCREMENT", StringComparison.OrdinalIgnoreCase))
            {
                facts.Add($"table {table} autoincrement");
            }

            foreach (var column in await QueryAsync(connection, $"PRAGMA table_info('{table}')", r => (Name: r.GetString(1), Type: r.GetString(2), NotNull: r.GetInt64(3) == 1, Pk: r.GetInt64(5))))
            {
                facts.Add($"column {table}.{column.Name} {column.Type} {(column.NotNull ? "not null" : "null")}{(column.Pk > 0 ? $" pk{column.Pk}" : "")}");
            }

            foreach (var index in await QueryAsync(connection, $"PRAGMA index_list('{table}')", r => (Name: r.GetString(1), Unique: r.GetInt64(2) == 1, Origin: r.GetString(3))))
            {
                if (index.Origin != "c")
                {
                    continue; // primary keys and UNIQUE constraints are covered by the column facts
                }

                var columns = await QueryAsync(connection, $"PRAGMA index_info('{index.Name}')", r => r.GetString(2));
                facts.Add($"index {index.Name} on {table}({string.Join(",", columns)}){(index.Unique ? " unique" : "")}");
            }

            foreach (var fk in await QueryAsync(connection, $"PRAGMA foreign_key_list('{table}')", r => (Table: r.GetString(2), From: r.GetString(3), To: r.GetString(4), OnDelete: r.GetString(6))))
            {
                facts.Add($"fk {table}.{fk.From} -> {fk.Table}.{fk.To} on delete {fk.OnDelete.ToLowerInvariant()}");
            }
        }

        return facts;
    }

    public static async Task<SortedSet<string>> ReadPostgresAsync(string connectionString, string schema)
    {
        var facts = new SortedSet<string>(StringComparer.Ordinal);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();

        var columns = await QueryAsync(
            connection,
            $"""
            SELECT table_name, column_name, udt_name, character_maximum_length, is_nullable, is_identity, identity_generation
            FROM information_schema.columns WHERE table_schema = '{schema}'
            """,
            r => (Table: r.GetString(0), Name: r.GetString(1), Type: r.GetString(2), Length: r.IsDBNull(3) ? (int?)null : r.GetInt32(3), Nullable: r.GetString(4) == "YES", Identity: r.GetString(5) == "YES", Generation: r.IsDBNull(6) ? "" : r.GetString(6)));
        foreach (var column in columns.Where(c => !IsBookkeeping(c.Table)))
        {
            facts.Add($"table {column.Table}");
            var type = column.Length is { } length ? $"{column.Type}({length})" : column.Type;
            facts.Add($"column {column.Table}.{column.Name} {type} {(column.Nullable ? "null" : "not null")}{(column.Identity ? " identity " + column.Generation.ToLowerInvariant() : "")}");
        }

        var indexes = await QueryAsync(
            connection,
            $"SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = '{schema}'",
            r => (Table: r.GetString(0), Name: r.GetString(1), Definition: r.GetString(2)));
        foreach (var index in indexes.Where(i => !IsBookkeeping(i.Table)))
        {
            facts.Add($"index {index.Name} {index.Definition.Replace(schema + ".", "", StringComparison.Ordinal)}");
        }

        var keys = await QueryAsync(
            connection,
            $"""
            SELECT tc.table_name, tc.constraint_name, tc.constraint_type, kcu.column_name, ccu.table_name, ccu.column_name, rc.delete_rule
            FROM information_schema.table_constraints tc
            JOIN information_schema.key_column_usage kcu ON kcu.constraint_name = tc.constraint_name AND kcu.table_schema = tc.table_schema
            LEFT JOIN information_schema.referential_constraints rc ON rc.constraint_name = tc.constraint_name AND rc.constraint_schema = tc.table_schema
            LEFT JOIN information_schema.constraint_column_usage ccu ON ccu.constraint_name = tc.constraint_name AND ccu.constraint_schema = tc.table_schema AND tc.constraint_type = 'FOREIGN KEY'
            WHERE tc.table_schema = '{schema}' AND tc.constraint_type IN ('PRIMARY KEY', 'FOREIGN KEY', 'UNIQUE')
            """,
            r => (Table: r.GetString(0), Name: r.GetString(1), Kind: r.GetString(2), Column: r.GetString(3), RefTable: r.IsDBNull(4) ? null : r.GetString(4), RefColumn: r.IsDBNull(5) ? null : r.GetString(5), OnDelete: r.IsDBNull(6) ? null : r.GetString(6)));
        foreach (var key in keys.Where(k => !IsBookkeeping(k.Table)))
        {
            facts.Add(key.Kind == "FOREIGN KEY"
                ? $"fk {key.Name} {key.Table}.{key.Column} -> {key.RefTable}.{key.RefColumn} on delete {key.OnDelete?.ToLowerInvariant()}"
                : $"{key.Kind.ToLowerInvariant()} {key.Name} {key.Table}.{key.Column}");
        }

        return facts;
    }

    /// <summary>EF's migration history and lock tables are not part of the model.</summary>
    private static bool IsBookkeeping(string table) => table.StartsWith("__", StringComparison.Ordinal);

    private static async Task<List<T>> QueryAsync<T>(DbConnection connection, string sql, Func<DbDataReader, T> read)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync())
        {
            rows.Add(read(reader));
        }

        return rows;
    }
}
