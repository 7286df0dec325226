using Microsoft.Data.Sqlite;
using PortalSync.Data;
using PortalSync.SampleData;

namespace Portal.Tests.SyncProgram;

/// <summary>portal-sync sample-data: the sizes asked for, real PDFs, and the same data for the same seed.</summary>
public sealed class SampleDataTests
{
    [Fact]
    public async Task Generates_the_rows_asked_for_with_real_pdfs_and_the_same_data_for_the_same_seed()
    {
        using var sandbox = new SyncClientSandbox();
        var first = Path.Combine(sandbox.Folder, "a", "practice.sqlite");
        var second = Path.Combine(sandbox.Folder, "b", "practice.sqlite");
        var other = Path.Combine(sandbox.Folder, "c", "practice.sqlite");

        Assert.Equal(0, await sandbox.RunAsync("sample-data", first, "--contacts", "40", "--documents", "7", "--seed", "3"));
        Assert.Equal(0, await sandbox.RunAsync("sample-data", second, "--contacts", "40", "--documents", "7", "--seed", "3"));
        Assert.Equal(0, await sandbox.RunAsync("sample-data", other, "--contacts", "40", "--documents", "7", "--seed", "4"));

        Assert.Equal(40, await CountAsync(first, "contacts"));
        Assert.Equal(40, await CountAsync(first, "invoices"));
        Assert.Equal(40, await CountAsync(first, "payments"));
        Assert.Equal(20, await CountAsync(first, "projects"));
        Assert.Equal(20, await CountAsync(first, "assignments"));
        Assert.Equal(7, await CountAsync(first, "documents"));
        Assert.True(await CountAsync(first, "invoice_lines") >= 40);
        Assert.True(await CountAsync(first, "portal_users") > 0);
        Assert.Equal(6, await CountAsync(first, "staff"));

        await using var data = await SqlitePracticeData.OpenAsync(first, CancellationToken.None);
        var documents = await data.ReadDocumentsAsync(CancellationToken.None);
        Assert.All(documents, d =>
        {
            var bytes = File.ReadAllBytes(d.FullPath!);
            Assert.StartsWith("%PDF-1.4", System.Text.Encoding.ASCII.GetString(bytes, 0, 8), StringComparison.Ordinal);
            Assert.EndsWith("%%EOF\n", System.Text.Encoding.ASCII.GetString(bytes), StringComparison.Ordinal);
        });

        Assert.Equal(await DumpAsync(first), await DumpAsync(second));
        Assert.NotEqual(await DumpAsync(first), await DumpAsync(other));
        var firstFiles = Directory.GetFiles(Path.Combine(Path.GetDirectoryName(first)!, SampleDataGenerator.DocumentsFolderName(first)), "*", SearchOption.AllDirectories).Order().Select(File.ReadAllBytes);
        var secondFiles = Directory.GetFiles(Path.Combine(Path.GetDirectoryName(second)!, SampleDataGenerator.DocumentsFolderName(second)), "*", SearchOption.AllDirectories).Order().Select(File.ReadAllBytes);
        Assert.Equal(firstFiles, secondFiles);

        // An existing file is never overwritten.
        Assert.Equal(1, await sandbox.RunAsync("sample-data", first, "--contacts", "5"));
        Assert.Contains("already exists", sandbox.Output, StringComparison.Ordinal);
        Assert.Equal(40, await CountAsync(first, "contacts"));
    }

    internal static async Task<long> CountAsync(string path, string table)
    {
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT count(*) FROM {table}";
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<string> DumpAsync(string path)
    {
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync();
        var dump = new System.Text.StringBuilder();
        foreach (var table in PracticeSchema.Tables.Keys)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM {table} ORDER BY rowid";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    dump.Append(reader.IsDBNull(i) ? "<null>" : reader.GetString(i)).Append('|');
                }

                dump.AppendLine();
            }
        }

        return dump.ToString();
    }
}
