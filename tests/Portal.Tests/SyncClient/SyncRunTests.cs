using System.Net;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using PortalSync.Running;
using PortalSync.Storage;

namespace Portal.Tests.SyncProgram;

/// <summary>
/// portal-sync run against an in-test fake of the sync API (docs/api.md): batches and their order, the
/// state saved per acknowledged batch, resuming after the network or the run died, tus resume, uploads
/// beside the later batches (and failures on either side), new files and the change feed written back,
/// token rotation and a revoked connection.
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
            [("contacts", 500), ("contacts", 500), ("contacts", 100), ("documents", 5), ("invoices", 500), ("invoices", 500), ("invoices", 100),
             ("payments", 500), ("payments", 500), ("payments", 100), ("projects", 500), ("projects", 50)],
            portal.Batches);
        Assert.Equal(1100, portal.Stored["contacts"].Count);
        Assert.All(portal.Creations.Values, count => Assert.Equal(1, count));
        Assert.Equal(5, portal.Contents.Count);

        // The sample's documents are smaller than a chunk: each went with its upload's creation, so no PATCH was needed.
        Assert.Equal(5, portal.CreatedWithBytes);
        Assert.DoesNotContain(portal.Requests, r => r.StartsWith("PATCH ", StringComparison.Ordinal));
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
        Assert.Contains("Skipped documents, invoices, payments: switched off in the portal.", sandbox.Output, StringComparison.Ordinal);
        Assert.Contains("Finished syncing.", sandbox.Output, StringComparison.Ordinal);

        // Billing and Documents are switched on: what was skipped goes now, and only that.
        portal.Kinds.AddRange(["invoices", "payments", "documents"]);
        var before = portal.Batches.Count;
        var printed = sandbox.Output.Length;
        Assert.Equal(0, await sandbox.RunAsync("run"));
        Assert.Equal(["documents", "invoices", "payments"], portal.Batches.Skip(before).Select(b => b.Kind).Distinct());
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
        await LargerThanAChunkAsync(sandbox.Folder);

        // The second contacts batch is applied but its answer lost (sent again: unchanged); the second
        // invoices batch never gets through (the run gives up, as when the portal is down or the program killed).
        // The invoices wait for both uploads (going beside them, two chunks each) to end, so what the next run sends is known.
        var contactsBatches = 0;
        portal.LoseAnswer = (request, _) => request.RequestUri!.AbsolutePath.EndsWith("/contacts/batch", StringComparison.Ordinal) && ++contactsBatches == 2;
        var invoicesBatches = 0;
        portal.Down = (request, _) => request.RequestUri!.AbsolutePath.EndsWith("/invoices/batch", StringComparison.Ordinal) && ++invoicesBatches >= 2;
        portal.Before = (request, cancellationToken) => Is(request, "POST", "/invoices/batch")
            ? portal.When(t => t.Count(e => e.StartsWith("< PATCH /api/v1/uploads/", StringComparison.Ordinal)) >= 4).WaitAsync(FakeSyncPortal.Patience, cancellationToken)
            : Task.CompletedTask;

        Assert.Equal(1, await sandbox.RunAsync("run", "--data", data));
        Assert.Contains("the next run continues where this one stopped", sandbox.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", sandbox.Output, StringComparison.Ordinal);
        Assert.Equal(500, portal.Stored["invoices"].Count);

        portal.Down = null;
        portal.LoseAnswer = null;
        portal.Before = null;
        var before = portal.Batches.Count;
        Assert.Equal(0, await sandbox.RunAsync("run"));

        // Contacts and the first invoices batch were acknowledged and saved: only the rest is sent.
        Assert.Equal([("invoices", 500), ("invoices", 100), ("payments", 500), ("payments", 500), ("payments", 100), ("projects", 500), ("projects", 50)], portal.Batches.Skip(before));
        Assert.Equal(2, portal.Contents.Count);
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
        Assert.Equal([("contacts", 1), ("documents", 1), ("invoices", 1), ("payments", 1), ("projects", 1)], portal.Batches.Skip(before));
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

    [Fact]
    public async Task Documents_go_right_after_contacts_and_their_uploads_go_on_beside_the_later_batches()
    {
        var portal = new FakeSyncPortal();
        using var sandbox = await ConnectedAsync(portal);
        var data = await PracticeDataFiles.GenerateAsync(sandbox.Folder, contacts: 20, documents: 4);
        await LargerThanAChunkAsync(sandbox.Folder);

        // The invoices batch is answered only once a chunk has arrived, and the chunks only once the
        // invoices batch has: a run that uploaded after the last batch, or that sent the invoices only
        // after the uploads, would wait here until the test gives up.
        portal.Before = (request, cancellationToken) =>
            Is(request, "POST", "/invoices/batch") ? portal.When(t => t.Any(e => e.StartsWith("> PATCH /api/v1/uploads/", StringComparison.Ordinal))).WaitAsync(FakeSyncPortal.Patience, cancellationToken)
            : Is(request, "PATCH", "/uploads/") ? portal.When(t => t.Contains("> POST /api/v1/invoices/batch")).WaitAsync(FakeSyncPortal.Patience, cancellationToken)
            : Task.CompletedTask;

        Assert.True(await sandbox.RunAsync("run", "--data", data) == 0, sandbox.Output);

        Assert.Equal(["contacts", "documents", "invoices", "payments", "projects"], portal.Batches.Select(b => b.Kind));
        var timeline = portal.Timeline.ToList();
        var shown = string.Join(Environment.NewLine, timeline);
        int At(string entry) => timeline.FindIndex(e => e.StartsWith(entry, StringComparison.Ordinal));
        Assert.True(At("< POST /api/v1/documents/batch 200") < At("> PATCH /api/v1/uploads/"), shown);
        Assert.True(At("> PATCH /api/v1/uploads/") < At("< POST /api/v1/invoices/batch 200"), shown);
        Assert.True(At("> POST /api/v1/invoices/batch") < At("< PATCH /api/v1/uploads/"), shown);
        Assert.Equal(4, portal.Contents.Count);
        Assert.Contains("Uploaded 4 file(s)", sandbox.Output, StringComparison.Ordinal);
        Assert.Contains("Finished syncing.", sandbox.Output, StringComparison.Ordinal);

        // Every upload ended before the run pulled new files and changes.
        Assert.True(timeline.FindLastIndex(e => e.StartsWith("< PATCH /api/v1/uploads/", StringComparison.Ordinal)) < At("> GET /api/v1/documents/new"), shown);

        var state = await sandbox.Files.ReadStateAsync(portal.Address, CancellationToken.None);
        Assert.Equal(4, state.Hashes["documents"].Count);
        Assert.Equal(20, state.Hashes["invoices"].Count);
        Assert.Empty(state.Uploads);
        Assert.True(state.LastRun!.Completed);
    }

    [Fact]
    public async Task A_portal_that_takes_one_writer_at_a_time_gets_the_uploads_after_the_last_batch()
    {
        var portal = new FakeSyncPortal { UploadsBesideBatches = false };
        using var sandbox = await ConnectedAsync(portal);
        var data = await PracticeDataFiles.GenerateAsync(sandbox.Folder, contacts: 20, documents: 4);

        Assert.True(await sandbox.RunAsync("run", "--data", data) == 0, sandbox.Output);

        var timeline = portal.Timeline.ToList();
        var shown = string.Join(Environment.NewLine, timeline);
        var lastBatch = timeline.FindLastIndex(e => e.StartsWith("< POST /api/v1/", StringComparison.Ordinal) && e.Contains("/batch 200", StringComparison.Ordinal));
        var firstUpload = timeline.FindIndex(e => e.StartsWith("> POST /api/v1/uploads", StringComparison.Ordinal));
        Assert.True(lastBatch >= 0 && firstUpload > lastBatch, shown);
        Assert.Equal(["contacts", "documents", "invoices", "payments", "projects"], portal.Batches.Select(b => b.Kind));
        Assert.Equal(4, portal.Contents.Count);
        Assert.Contains("Uploaded 4 file(s)", sandbox.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_upload_the_portal_refuses_while_the_batches_go_is_listed_and_the_batches_are_kept()
    {
        var portal = new FakeSyncPortal();
        using var sandbox = await ConnectedAsync(portal);
        var data = await PracticeDataFiles.GenerateAsync(sandbox.Folder, contacts: 10, documents: 3);
        portal.Answer = request => Is(request, "POST", "/uploads") && request.Headers.GetValues("Upload-Metadata").Single() == "documentExternalId " + Convert.ToBase64String("D-00002"u8)
            ? Problem(HttpStatusCode.RequestEntityTooLarge, "upload-too-large", "The file is larger than the practice takes (test).")
            : null;
        // The refusal is answered while the invoices batch waits.
        portal.Before = (request, cancellationToken) => Is(request, "POST", "/invoices/batch")
            ? portal.When(t => t.Contains("< POST /api/v1/uploads 413")).WaitAsync(FakeSyncPortal.Patience, cancellationToken)
            : Task.CompletedTask;

        Assert.True(await sandbox.RunAsync("run", "--data", data) == 0, sandbox.Output);

        Assert.Contains(sandbox.Output.Split('\n'), l => l.Contains("D-00002", StringComparison.Ordinal) && l.Contains("content", StringComparison.Ordinal)
            && l.Contains("The file is larger than the practice takes (test). (upload-too-large)", StringComparison.Ordinal));
        Assert.Contains("Uploaded 2 file(s)", sandbox.Output, StringComparison.Ordinal);
        Assert.Contains("Finished syncing; 1 row(s) did not go (above).", sandbox.Output, StringComparison.Ordinal);
        Assert.Equal(["D-00001", "D-00003"], portal.Contents.Keys.Order());
        var state = await sandbox.Files.ReadStateAsync(portal.Address, CancellationToken.None);
        Assert.Equal(10, state.Hashes["invoices"].Count);
        Assert.Equal(10, state.Hashes["payments"].Count);
        Assert.Equal(portal.Stored["projects"].Count, state.Hashes["projects"].Count);
        Assert.Equal(["D-00001", "D-00003"], state.Hashes["documents"].Keys.Order());
        Assert.Equal(1, state.LastRun!.Errors);

        // Only the refused document goes again.
        portal.Answer = null;
        portal.Before = null;
        var before = portal.Batches.Count;
        Assert.Equal(0, await sandbox.RunAsync("run"));
        Assert.Equal([("documents", 1)], portal.Batches.Skip(before));
        Assert.Equal(3, portal.Contents.Count);
    }

    [Fact]
    public async Task A_fatal_upload_failure_stops_the_batches_beside_it_is_what_the_run_says_and_the_next_run_resumes()
    {
        var portal = new FakeSyncPortal();
        using var sandbox = await ConnectedAsync(portal);
        var data = await PracticeDataFiles.GenerateAsync(sandbox.Folder, contacts: 10, documents: 2);
        await LargerThanAChunkAsync(sandbox.Folder);

        // The invoices batch is held until the run stops it; the chunks find the network down once it is held.
        var batchStopped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        portal.Before = async (request, cancellationToken) =>
        {
            if (Is(request, "POST", "/invoices/batch"))
            {
                await HeldUntilStoppedAsync(batchStopped, cancellationToken);
            }
            else if (Is(request, "PATCH", "/uploads/"))
            {
                await portal.When(t => t.Contains("> POST /api/v1/invoices/batch")).WaitAsync(FakeSyncPortal.Patience, cancellationToken);
            }
        };
        portal.Down = (request, _) => request.Method == HttpMethod.Patch;

        Assert.Equal(1, await sandbox.RunAsync("run", "--data", data));

        Assert.True(batchStopped.Task.IsCompleted);
        Assert.Contains($"Could not reach {portal.Address} (The network is down (test).); the next run continues where this one stopped.", sandbox.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("cancel", sandbox.Output, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("   at ", sandbox.Output, StringComparison.Ordinal);
        Assert.False(portal.Stored.ContainsKey("invoices"));
        var state = await sandbox.Files.ReadStateAsync(portal.Address, CancellationToken.None);
        Assert.Equal(10, state.Hashes["contacts"].Count);
        Assert.NotEmpty(state.Uploads);
        Assert.False(state.LastRun!.Completed);

        portal.Before = null;
        portal.Down = null;
        var requests = portal.Requests.Count;
        Assert.Equal(0, await sandbox.RunAsync("run"));
        Assert.Contains(portal.Requests.Skip(requests), r => r.StartsWith("HEAD /api/v1/uploads/", StringComparison.Ordinal));
        Assert.Equal(2, portal.Contents.Count);
        Assert.Equal(10, portal.Stored["invoices"].Count);
        Assert.All(portal.Creations.Values, count => Assert.Equal(1, count));
    }

    [Fact]
    public async Task A_fatal_batch_failure_stops_the_uploads_beside_it_is_what_the_run_says_and_the_next_run_resumes()
    {
        var portal = new FakeSyncPortal();
        using var sandbox = await ConnectedAsync(portal);
        var data = await PracticeDataFiles.GenerateAsync(sandbox.Folder, contacts: 10, documents: 2);
        await LargerThanAChunkAsync(sandbox.Folder);

        // The first chunk is held until the run stops it; the invoices batch is refused once it is held.
        var uploadStopped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        portal.Before = async (request, cancellationToken) =>
        {
            if (Is(request, "PATCH", "/uploads/"))
            {
                await HeldUntilStoppedAsync(uploadStopped, cancellationToken);
            }
            else if (Is(request, "POST", "/invoices/batch"))
            {
                await portal.When(t => t.Any(e => e.StartsWith("> PATCH /api/v1/uploads/", StringComparison.Ordinal))).WaitAsync(FakeSyncPortal.Patience, cancellationToken);
            }
        };
        portal.Answer = request => Is(request, "POST", "/invoices/batch") ? Problem(HttpStatusCode.UnprocessableEntity, "invalid", "Invoices are being moved (test).") : null;

        Assert.Equal(1, await sandbox.RunAsync("run", "--data", data));

        Assert.True(uploadStopped.Task.IsCompleted);
        Assert.Contains("The portal refused /api/v1/invoices/batch: Invoices are being moved (test). (422)", sandbox.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("cancel", sandbox.Output, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(portal.Contents);
        var state = await sandbox.Files.ReadStateAsync(portal.Address, CancellationToken.None);
        Assert.NotEmpty(state.Uploads);
        Assert.False(state.LastRun!.Completed);

        portal.Before = null;
        portal.Answer = null;
        var requests = portal.Requests.Count;
        Assert.Equal(0, await sandbox.RunAsync("run"));
        Assert.Contains(portal.Requests.Skip(requests), r => r.StartsWith("HEAD /api/v1/uploads/", StringComparison.Ordinal));
        Assert.Equal(2, portal.Contents.Count);
        Assert.Equal(10, portal.Stored["invoices"].Count);
    }

    [Fact]
    public async Task An_upload_and_a_batch_that_find_the_access_token_expired_together_refresh_it_once()
    {
        var portal = new FakeSyncPortal();
        using var sandbox = await ConnectedAsync(portal);
        var data = await PracticeDataFiles.GenerateAsync(sandbox.Folder, contacts: 10, documents: 1);
        await LargerThanAChunkAsync(sandbox.Folder);

        // The token expires as the first chunk arrives; the invoices batch arrives with the old one
        // too; the refresh is answered only once both were refused (401), so both want it at once.
        var expired = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        portal.Before = async (request, cancellationToken) =>
        {
            if (Is(request, "PATCH", "/uploads/") && !expired.Task.IsCompleted)
            {
                portal.ExpireAccessToken();
                expired.TrySetResult();
            }
            else if (Is(request, "POST", "/invoices/batch"))
            {
                await expired.Task.WaitAsync(FakeSyncPortal.Patience, cancellationToken);
            }
            else if (Is(request, "POST", "/connect/token"))
            {
                await portal.When(t => t.Count(e => e.EndsWith(" 401", StringComparison.Ordinal)) >= 2).WaitAsync(FakeSyncPortal.Patience, cancellationToken);
            }
        };

        Assert.True(await sandbox.RunAsync("run", "--data", data) == 0, sandbox.Output);

        Assert.Equal(1, portal.Requests.Count(r => r == "POST /connect/token"));
        Assert.Equal("refresh-2", (await sandbox.Files.ReadConnectionAsync(CancellationToken.None))!.RefreshToken);
        Assert.Single(portal.Contents);
        Assert.Equal(10, portal.Stored["invoices"].Count);
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

    /// <summary>
    /// Makes the sample's documents longer than one chunk, so each is a bare creation and PATCHes (a
    /// file of one chunk goes with its creation and has nothing to resume): these tests stop and
    /// resume uploads midway.
    /// </summary>
    private static async Task LargerThanAChunkAsync(string folder)
    {
        foreach (var file in Directory.GetFiles(Path.Combine(folder, "practice documents"), "*.pdf", SearchOption.AllDirectories))
        {
            await File.WriteAllBytesAsync(file, RandomNumberGenerator.GetBytes(TusUploader.ChunkSize + 1000));
        }
    }

    private static bool Is(HttpRequestMessage request, string method, string path)
        => request.Method.Method == method && request.RequestUri!.AbsolutePath.Contains(path, StringComparison.Ordinal);

    /// <summary>Holds a request until the run gives it up (its cancellation), which <paramref name="stopped"/> then says.</summary>
    private static async Task HeldUntilStoppedAsync(TaskCompletionSource stopped, CancellationToken cancellationToken)
    {
        try
        {
            // Nothing completes this: only the run's cancellation ends the wait, or the test's patience.
            await new TaskCompletionSource().Task.WaitAsync(FakeSyncPortal.Patience, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            stopped.TrySetResult();
            throw;
        }
        catch (TimeoutException)
        {
            throw new TimeoutException("The run never gave the held request up (test).");
        }
    }

    private static HttpResponseMessage Problem(HttpStatusCode status, string code, string detail)
        => new(status) { Content = new StringContent(new JsonObject { ["status"] = (int)status, ["code"] = code, ["detail"] = detail }.ToJsonString(), System.Text.Encoding.UTF8, "application/problem+json") };

    private static JsonObject Event(string kind, string property, JsonObject payload) => new()
    {
        ["kind"] = kind,
        ["occurredAt"] = "2026-11-21T14:03:00Z",
        ["clientId"] = "c1",
        ["clientExternalId"] = "C-00001",
        [property] = payload,
    };
}
