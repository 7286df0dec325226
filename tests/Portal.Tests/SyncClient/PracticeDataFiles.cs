using System.Globalization;
using CsvHelper;
using Microsoft.Data.Sqlite;
using PortalSync.Data;
using PortalSync.SampleData;

namespace Portal.Tests.SyncProgram;

/// <summary>Practice data for the tests: generated SQLite files, their CSV exports, and edits of rows.</summary>
internal static class PracticeDataFiles
{
    public static async Task<string> GenerateAsync(string folder, int contacts, int seed = 1, int? documents = null)
    {
        var path = Path.Combine(folder, "practice.sqlite");
        await SampleDataGenerator.GenerateAsync(path, new SampleDataOptions(contacts, Documents: documents, Seed: seed), CancellationToken.None);
        return path;
    }

    /// <summary>Exports every table as the CSV adapter reads it ({table}.csv), with the document paths made absolute.</summary>
    public static async Task<string> ExportCsvAsync(string sqlitePath, string folder)
    {
        Directory.CreateDirectory(folder);
        await using var connection = Open(sqlitePath);
        foreach (var (table, columns) in PracticeSchema.Tables)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT {string.Join(", ", columns)} FROM {table} ORDER BY rowid";
            await using var reader = await command.ExecuteReaderAsync();
            await using var writer = new StreamWriter(Path.Combine(folder, table + ".csv"));
            await using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture);
            foreach (var column in columns)
            {
                csv.WriteField(column);
            }

            await csv.NextRecordAsync();
            while (await reader.ReadAsync())
            {
                for (var i = 0; i < columns.Length; i++)
                {
                    var value = reader.IsDBNull(i) ? null : reader.GetString(i);
                    csv.WriteField(columns[i] == "path" && value is not null ? Path.GetFullPath(value, Path.GetDirectoryName(sqlitePath)!) : value);
                }

                await csv.NextRecordAsync();
            }
        }

        return folder;
    }

    public static async Task ExecuteAsync(string sqlitePath, string sql)
    {
        await using var connection = Open(sqlitePath);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    public static SqliteConnection Open(string path)
    {
        var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        return connection;
    }
}
