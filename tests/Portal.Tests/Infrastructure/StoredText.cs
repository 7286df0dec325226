using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;

namespace Portal.Tests.Infrastructure;

/// <summary>
/// Looks through every row of every table a context's database (or PostgreSQL schema) holds for a text, so a
/// test can prove a secret was stored nowhere: "table.column" of each value (text or bytes as UTF-8) that contains it.
/// </summary>
internal static class StoredText
{
    public static async Task<List<string>> FindAsync(string needle, params DbContext[] contexts)
    {
        var found = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var context in contexts)
        {
            await context.Database.OpenConnectionAsync();
            try
            {
                var connection = context.Database.GetDbConnection();
                var postgres = context.Database.IsNpgsql();
                foreach (var table in await TablesAsync(connection, postgres))
                {
                    // Contexts of one practice share its database: each table once.
                    if (!seen.Add($"{connection.DataSource}/{connection.Database}/{table}"))
                    {
                        continue;
                    }

                    await using var select = connection.CreateCommand();
                    select.CommandText = $"SELECT * FROM \"{table}\"";
                    await using var reader = await select.ExecuteReaderAsync();
                    while (await reader.ReadAsync())
                    {
                        for (var i = 0; i < reader.FieldCount; i++)
                        {
                            var text = reader.IsDBNull(i) ? null : reader.GetValue(i) switch
                            {
                                string s => s,
                                byte[] b => Encoding.UTF8.GetString(b),
                                _ => null,
                            };
                            if (text is not null && text.Contains(needle, StringComparison.Ordinal))
                            {
                                found.Add($"{table}.{reader.GetName(i)}");
                            }
                        }
                    }
                }
            }
            finally
            {
                await context.Database.CloseConnectionAsync();
            }
        }

        return found;
    }

    private static async Task<List<string>> TablesAsync(DbConnection connection, bool postgres)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = postgres
            ? "SELECT table_schema || '\".\"' || table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'"
            : "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'";
        var tables = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            tables.Add(reader.GetString(0));
        }

        return tables;
    }
}
