using System.Text.Json;
using PortalSync.Data;

namespace Portal.Tests.SyncProgram;

/// <summary>The SQLite data file and the folder of CSV exports are read alike, and both take the portal's news back once.</summary>
public sealed class PracticeDataAdapterTests
{
    [Fact]
    public async Task The_sqlite_file_and_its_csv_export_read_the_same_records()
    {
        using var sandbox = new SyncClientSandbox();
        var sqlite = await PracticeDataFiles.GenerateAsync(sandbox.Folder, contacts: 60, seed: 5);
        var csvFolder = await PracticeDataFiles.ExportCsvAsync(sqlite, Path.Combine(sandbox.Folder, "exports"));

        await using var fromSqlite = await PracticeDataSources.OpenAsync(sqlite, CancellationToken.None);
        await using var fromCsv = await PracticeDataSources.OpenAsync(csvFolder, CancellationToken.None);
        Assert.IsType<SqlitePracticeData>(fromSqlite);
        Assert.IsType<CsvPracticeData>(fromCsv);

        var sqliteRecords = await ReadAllAsync(fromSqlite);
        Assert.Equal(await ReadAllAsync(fromCsv), sqliteRecords);
        var contacts = await fromSqlite.ReadContactsAsync(CancellationToken.None);
        Assert.Equal(60, contacts.Count);
        Assert.Contains(contacts, c => c.PortalUsers.Count > 0);
        var invoices = await fromSqlite.ReadInvoicesAsync(CancellationToken.None);
        Assert.All(invoices, i => Assert.NotEmpty(i.Lines));
        Assert.All(await fromSqlite.ReadDocumentsAsync(CancellationToken.None), d => Assert.True(File.Exists(d.FullPath)));
    }

    [Fact]
    public async Task Write_back_keeps_one_row_per_event_in_both_adapters()
    {
        using var sandbox = new SyncClientSandbox();
        var sqlite = await PracticeDataFiles.GenerateAsync(sandbox.Folder, contacts: 3);
        var csvFolder = await PracticeDataFiles.ExportCsvAsync(sqlite, Path.Combine(sandbox.Folder, "exports"));
        var at = new DateTimeOffset(2026, 11, 21, 14, 3, 0, TimeSpan.Zero);
        OnlinePayment[] payments = [new("e1", "C-00001", "p1", "I-00001", "INV-1001", "508.50", "CAD", "2026-11-21", "card", at)];
        ClientMessage[] messages = [new("e2", "C-00002", "t1", "Question about my T4", "Jordan Lee", "Is the \"T4\", ready?\nThanks", at)];
        CompletedTask[] tasks = [new("e3", "C-00003", "k1", "Sign the engagement letter", "2026-11-21T14:00:00Z", at)];

        foreach (var path in new[] { sqlite, csvFolder })
        {
            await using var data = await PracticeDataSources.OpenAsync(path, CancellationToken.None);
            Assert.Equal(3, await data.WriteBack.WriteAsync(payments, messages, tasks, CancellationToken.None));
            Assert.Equal(0, await data.WriteBack.WriteAsync(payments, messages, tasks, CancellationToken.None));
        }

        Assert.Equal(1, await SampleDataTests.CountAsync(sqlite, "portal_payments"));
        Assert.Equal(1, await SampleDataTests.CountAsync(sqlite, "portal_messages"));
        Assert.Equal(1, await SampleDataTests.CountAsync(sqlite, "portal_tasks"));
        var csvMessages = File.ReadAllText(Path.Combine(csvFolder, "portal_messages.csv"));
        Assert.StartsWith("event_id,contact_external_id,thread_id,subject,sender,text,occurred_at", csvMessages, StringComparison.Ordinal);
        Assert.Contains("\"Is the \"\"T4\"\", ready?\nThanks\"", csvMessages, StringComparison.Ordinal);
    }

    private static async Task<string> ReadAllAsync(IPracticeDataSource data) => JsonSerializer.Serialize(new object[]
    {
        await data.ReadContactsAsync(CancellationToken.None),
        await data.ReadStaffAsync(CancellationToken.None),
        await data.ReadInvoicesAsync(CancellationToken.None),
        await data.ReadPaymentsAsync(CancellationToken.None),
        await data.ReadProjectsAsync(CancellationToken.None),
        await data.ReadAssignmentsAsync(CancellationToken.None),
        await data.ReadDocumentsAsync(CancellationToken.None),
    });
}
