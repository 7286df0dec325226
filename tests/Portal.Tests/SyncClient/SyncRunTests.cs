using System.Security.Cryptography;
using System.Text.Json.Nodes;
using PortalSync.Running;
using PortalSync.Storage;

namespace Portal.Tests.SyncProgram;

/// <summary>
/// portal-sync run against an in-test fake of the sync API (docs/api.md): batches and their order, the
/// state saved per acknowledged batch, resuming after the network or the run died, tus resume, new
/// files and the change feed written back, token rotation and a revoked connection.
/// </summary>
public sealed class SyncRunTests
{
    [Fact]
    public async Task A_first_run_sends_batches_of_at_most_500_in_dependency_order_and_a_second_run_sends_nothing()
    {
        var portal = new FakeSyncPortal();
        using var sandbox = await ConnectedAsync(portal);
        var data = await PracticeDataFiles.GenerateAsync(sandbox.Folder, contacts: 1100, documents: 5);

        Assert.Equal(0, await sandbox.RunAsync("run", "--data", data));

        Assert.Equal(
            [("contacts", 500), ("contacts", 500), ("contacts", 100), ("invoices", 500), ("invoices", 500), ("invoices", 100),
             ("payments", 500), ("payments", 500), ("payments", 100), ("projects", 500), ("projects", 50), ("documents", 5)],
            portal.Batches);
        Assert.Equal(1100, portal.Stored["contacts"].Count);
        Assert.All(portal.Creations.Values, count => Assert.Equal(1, count));
        Assert.Equal(5, portal.Contents.Count);
        Assert.Contains("Finished syncing.", sandbox.Output, StringComparison.Ordinal);

        Assert.Equal(0, await sandbox.RunAsync("run"));
        Assert.Equal(12, portal.Batches.Count);
        Assert.Contains("Nothing changed in practice.sqlite since the last run.", sandbox.Output, StringComparison.Ordinal);
        Assert.Equal(5, portal.Contents.Count);
    }

    [Fact]
    public async Task Kinds_switched_off_in_the_portal_are_skipped_said_so_and_sent_by_the_first_run_after_they_are_on()
    {
        var portal = new FakeSyncPortal();
        portal.Kinds.RemoveAll(k => k is "invoices" or "payments" or "documents");
        using var sandbox = await ConnectedAsync(portal);
        var data = await PracticeDataFiles.GenerateAsync(sandbox.Folder, contacts: 20, documents: 2);

        Assert.Equal(0, await sandbox.RunAsync("run", "--data", data));
        Assert.Equal(["contacts", "projects"], portal.Batches.Select(b => b.Kind).Distinct());
        Assert.DoesNotContain(portal.Requests, r => r.Contains("/documents/", StringComparison.Ordinal) || r.Contains("/uploads", StringComparison.Ordinal));
        Assert.Contains("Skipped invoices, payments, documents: switched off in the portal.", sandbox.Output, StringComparison.Ordinal);
        Assert.Contains("Finished syncing.", sandbox.Output, StringComparison.Ordinal);

        // Billing and Documents are switched on: what was skipped goes now, and only that.
        portal.Kinds.AddRange(["invoices", "payments", "documents"]);
        var before = portal.Batches.Count;
        var printed = sandbox.Output.Length;
        Assert.Equal(0, await sandbox.RunAsync("run"));
        Assert.Equal(["invoices", "payments", "documents"], portal.Batches.Skip(before).Select(b => b.Kind).Distinct());
        Assert.Equal(20, portal.Stored["invoices"].Count);
        Assert.Equal(2, portal.Contents.Count);
        Assert.DoesNotContain("Skipped", sandbox.Output[printed..], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_run_stopped_mid_way_by_the_network_is_completed_by_the_next_without_duplicates()
    {
        var portal = new FakeSyncPortal();
        using var sandbox = await ConnectedAsync(portal);
        var data = await PracticeDataFiles.GenerateAsync(sandbox.Folder, contacts: 1100, documents: 2);

        // The second contacts batch is applied but its answer lost (sent again: unchanged); the second
        // invoices batch never gets through (the run gives up, as when the portal is down or the program killed).
        var contactsBatches = 0;
        portal.LoseAnswer = (request, _) => request.RequestUri!.AbsolutePath.EndsWith("/contacts/batch", StringComparison.Ordinal) && ++contactsBatches == 2;
        var invoicesBatches = 0;
        portal.Down = (request, _) => request.RequestUri!.AbsolutePath.EndsWith("/invoices/batch", StringComparison.Ordinal) && ++invoicesBatches >= 2;

        Assert.Equal(1, await sandbox.RunAsync("run", "--data", data));
        Assert.Contains("the next run continues where this one stopped", sandbox.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", sandbox.Output, StringComparison.Ordinal);
        Assert.Equal(500, portal.Stored["invoices"].Count);

        portal.Down = null;
        portal.LoseAnswer = null;
        var before = portal.Batches.Count;
        Assert.Equal(0, await sandbox.RunAsync("run"));

        // Contacts and the first invoices batch were acknowledged and saved: only the rest is sent.
        Assert.Equal([("invoices", 500), ("invoices", 100), ("payments", 500), ("payments", 500), ("payments", 100), ("projects", 500), ("projects", 50), ("documents", 2)], portal.Batches.Skip(before));
        Assert.Equal(1100, portal.Stored["contacts"].Count);
        Assert.Equal(1100, portal.Stored["invoices"].Count);
        Assert.Equal(1100, portal.Stored["payments"].Count);
        Assert.All(portal.Creations.Values, count => Assert.Equal(1, count));
    }

    [Fact]
    public async Task A_document_upload_cut_off_resumes_from_where_the_portal_got_to()
    {
        var portal = new FakeSyncPortal();
        using var sandbox = await ConnectedAsync(portal);
        var data = await PracticeDataFiles.GenerateAsync(sandbox.Folder, contacts: 10, documents: 1);
        var file = Directory.GetFiles(Path.Combine(sandbox.Folder, "practice documents"), "*.pdf", SearchOption.AllDirectories).Single();
        var content = RandomNumberGenerator.GetBytes((2 * TusUploader.ChunkSize) + 12345);
        await File.WriteAllBytesAsync(file, content);

        var patches = 0;
        portal.Down = (request, _) => request.Method == HttpMethod.Patch && ++patches >= 2;
        Assert.Equal(1, await sandbox.RunAsync("run", "--data", data));
        Assert.Equal(TusUploader.ChunkSize, portal.BytesReceived);
        var pending = Assert.Single((await sandbox.Files.ReadStateAsync(portal.Address, CancellationToken.None)).Uploads);
        Assert.Equal("D-00001", pending.Key);

        // The next run asks where the upload is (HEAD) and goes on; a chunk whose answer is lost is
        // found kept (409, then HEAD) rather than sent twice.
        portal.Down = null;
        var resumed = 0;
        portal.LoseAnswer = (request, _) => request.Method == HttpMethod.Patch && ++resumed == 1;
        var requests = portal.Requests.Count;
        Assert.Equal(0, await sandbox.RunAsync("run"));

        Assert.Equal(content, portal.Contents["D-00001"]);
        Assert.Equal(content.Length, portal.BytesReceived);
        Assert.Equal("HEAD /api/v1/uploads/", portal.Requests.Skip(requests).First(r => r.Contains("/uploads", StringComparison.Ordinal))[..21]);
        Assert.Equal(1, portal.Requests.Count(r => r == "POST /api/v1/uploads"));
        Assert.Empty((await sandbox.Files.ReadStateAsync(portal.Address, CancellationToken.None)).Uploads);
    }

    [Fact]
    public async Task New_client_files_land_in_the_clients_folder_and_changes_are_written_back_once()
    {
        var portal = new FakeSyncPortal();
        using var sandbox = await ConnectedAsync(portal);
        var data = await PracticeDataFiles.GenerateAsync(sandbox.Folder, contacts: 3, documents: 1);
        var t5 = "%PDF-1.4 T5 slip"u8.ToArray();
        portal.NewFiles.Add(new("v1", "C-00001", "2025/Slips", "T5.pdf", t5, t5));
        portal.NewFiles.Add(new("v2", "C-00002", "../../escape", "T4.pdf", "%PDF-1.4 T4"u8.ToArray(), "%PDF-1.4 T4 damaged"u8.ToArray()));
        portal.Events.Add(Event("payment-received", "payment", new JsonObject { ["paymentId"] = "p1", ["amount"] = "508.50", ["currency"] = "CAD", ["receivedOn"] = "2026-11-21", ["method"] = "card", ["invoiceNumber"] = "INV-1001", ["invoiceExternalId"] = "I-00001" }));
        portal.Events.Add(Event("message", "message", new JsonObject { ["threadId"] = "t1", ["subject"] = "Question about my T4", ["from"] = "Jordan Lee", ["text"] = "Is it ready?" }));
        portal.Events.Add(Event("task-completed", "task", new JsonObject { ["taskId"] = "k1", ["title"] = "Sign the engagement letter", ["completedAt"] = "2026-11-21T14:00:00Z" }));
        portal.Events.Add(Event("something-new", "other", new JsonObject()));

        Assert.Equal(0, await sandbox.RunAsync("run", "--data", data));

        var downloads = Path.Combine(sandbox.Folder, "Portal downloads");
        Assert.Equal(t5, await File.ReadAllBytesAsync(Path.Combine(downloads, "C-00001", "2025", "Slips", "T5.pdf")));
        Assert.Equal(["C-00001/2025/Slips/T5.pdf"], Directory.GetFiles(downloads, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(downloads, f).Replace('\\', '/')));
        Assert.Equal(["v1"], portal.Downloaded);
        Assert.Contains("download-damaged", sandbox.Output, StringComparison.Ordinal);
        Assert.Equal(1, await SampleDataTests.CountAsync(data, "portal_payments"));
        Assert.Equal(1, await SampleDataTests.CountAsync(data, "portal_messages"));
        Assert.Equal(1, await SampleDataTests.CountAsync(data, "portal_tasks"));
        Assert.Equal("4", (await sandbox.Files.ReadStateAsync(portal.Address, CancellationToken.None)).ChangesCursor);

        // The damaged file comes right the next time; nothing is written twice.
        portal.NewFiles[1] = portal.NewFiles[1] with { Served = portal.NewFiles[1].Content };
        Assert.Equal(0, await sandbox.RunAsync("run"));
        Assert.Equal("%PDF-1.4 T4"u8.ToArray(), await File.ReadAllBytesAsync(Path.Combine(downloads, "C-00002", "escape", "T4.pdf")));
        Assert.Equal(2, Directory.GetFiles(downloads, "*", SearchOption.AllDirectories).Length);
        Assert.Equal(1, await SampleDataTests.CountAsync(data, "portal_payments"));
    }

    [Fact]
    public async Task Rows_refused_here_or_by_the_portal_are_listed_and_the_rest_is_synced()
    {
        var portal = new FakeSyncPortal();
        using var sandbox = await ConnectedAsync(portal);
        var data = await PracticeDataFiles.GenerateAsync(sandbox.Folder, contacts: 10, documents: 1);
        await PracticeDataFiles.ExecuteAsync(data, "UPDATE contacts SET email = 'bob@' WHERE external_id = 'C-00001'");

        Assert.Equal(0, await sandbox.RunAsync("run", "--data", data));

        Assert.Equal(9, portal.Stored["contacts"].Count);
        Assert.Equal(9, portal.Stored["invoices"].Count);
        var lines = sandbox.Output.Split('\n');
        Assert.Contains(lines, l => l.Contains("C-00001", StringComparison.Ordinal) && l.Contains("\"bob@\" is not an e-mail address. (email-invalid)", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("I-00001", StringComparison.Ordinal) && l.Contains("clientExternalId", StringComparison.Ordinal) && l.Contains("No contact C-00001. (client-not-found)", StringComparison.Ordinal));

        // Refused rows are tried again next time (nothing else is sent).
        var before = portal.Batches.Count;
        await PracticeDataFiles.ExecuteAsync(data, "UPDATE contacts SET email = 'bob@example.com' WHERE external_id = 'C-00001'");
        Assert.Equal(0, await sandbox.RunAsync("run"));
        Assert.Equal([("contacts", 1), ("invoices", 1), ("payments", 1), ("projects", 1), ("documents", 1)], portal.Batches.Skip(before));
        Assert.Equal(10, portal.Stored["invoices"].Count);
    }

    [Fact]
    public async Task Tokens_rotate_and_a_revoked_connection_is_one_clear_message_and_exit_code_2()
    {
        var portal = new FakeSyncPortal();
        using var sandbox = await ConnectedAsync(portal);
        var data = await PracticeDataFiles.GenerateAsync(sandbox.Folder, contacts: 2);

        portal.ExpireAccessToken();
        Assert.Equal(0, await sandbox.RunAsync("run", "--data", data));
        var connection = await sandbox.Files.ReadConnectionAsync(CancellationToken.None);
        Assert.Equal("refresh-2", connection!.RefreshToken);
        Assert.Equal(portal.AccessToken, connection.AccessToken);
        Assert.DoesNotContain(portal.AccessToken, sandbox.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("refresh-", sandbox.Output, StringComparison.Ordinal);

        portal.Revoked = true;
        Assert.Equal(2, await sandbox.RunAsync("run"));
        Assert.Contains($"The connection was revoked or expired: run portal-sync login {portal.Address}", sandbox.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", sandbox.Output, StringComparison.Ordinal);
        Assert.Equal(2, await sandbox.RunAsync("status"));
    }

    internal static async Task<SyncClientSandbox> ConnectedAsync(FakeSyncPortal portal)
    {
        var sandbox = new SyncClientSandbox(() => portal);
        await sandbox.Files.SaveConnectionAsync(new StoredConnection
        {
            Portal = portal.Address,
            TokenEndpoint = new Uri(portal.Address, "connect/token"),
            RevocationEndpoint = new Uri(portal.Address, "connect/revoke"),
            AccessToken = portal.AccessToken,
            RefreshToken = portal.RefreshToken,
            AccessTokenExpiresAt = DateTimeOffset.UtcNow.AddHours(1),
            ApprovedBy = "Sam Owner",
        }, CancellationToken.None);
        return sandbox;
    }

    private static JsonObject Event(string kind, string property, JsonObject payload) => new()
    {
        ["kind"] = kind,
        ["occurredAt"] = "2026-11-21T14:03:00Z",
        ["clientId"] = "c1",
        ["clientExternalId"] = "C-00001",
        [property] = payload,
    };
}
