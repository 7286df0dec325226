using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Contracts;
using Portal.Core.Data;
using Portal.Documents.Data;
using Portal.Documents.Models;
using Portal.Documents.Services;
using Portal.Tests.Documents;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Sync;

/// <summary>The sync API's documents both ways: metadata batches and tus uploads with a bearer token, and "Check for New Files".</summary>
public sealed class SyncDocumentsApiTests(SharedApps apps) : IClassFixture<SharedApps>
{
    private static object Document(string externalId, byte[] content, string client = "C-1", string folder = "2025/Tax return", string fileName = "2025 T1.pdf")
        => new { externalId, clientExternalId = client, folder, fileName, length = content.Length, sha256 = SyncTestPractice.Sha256(content) };

    [Theory, BothDatabases]
    public async Task A_document_is_uploaded_by_external_id_once_and_new_content_becomes_its_next_version(DatabaseProvider provider)
    {
        var sync = await SyncTestPractice.ConnectAsync(await apps.For(provider));
        var clientId = await sync.AddClientAsync("C-1", "Jordan Lee");
        var content = DocumentsScenario.Pdf(300_000, seed: 1);

        var first = await sync.BatchAsync("documents", Document("D-55", content), Document("D-56", content, client: "C-404"), new { externalId = "D-57", clientExternalId = "C-1", fileName = "x.pdf", length = 10, sha256 = "not hex" });
        Assert.Equal("upload", SyncTestPractice.Status(first, 0));
        Assert.Equal("/api/v1/uploads", SyncTestPractice.Result(first, 0).GetProperty("upload").GetProperty("url").GetString());
        Assert.Equal("clientExternalId client-not-found", SyncTestPractice.Error(first, 1));
        Assert.Equal("sha256 document-sha256-invalid", SyncTestPractice.Error(first, 2));

        // The folder path was made, parent first.
        var folders = await sync.App.InPracticeAsync(sync.Practice, sp => sp.GetRequiredService<DocumentsDbContext>().Folders.AsNoTracking().Where(f => f.ClientId == clientId).ToListAsync());
        var year = Assert.Single(folders, f => f.Name == "2025" && f.ParentId == null);
        var taxReturn = Assert.Single(folders, f => f.Name == "Tax return" && f.ParentId == year.Id);

        var (outcome, version) = await sync.UploadAsync("D-55", content);
        Assert.Equal("new", outcome);
        var stored = await VersionAsync(sync, version);
        Assert.Equal((taxReturn.Id, "2025 T1.pdf", TransferDirection.ToClient, SyncTestPractice.Sha256(content)), (stored.Document.FolderId, stored.Document.Name, stored.Version.Direction, stored.Version.Sha256));
        Assert.Equal(sync.Admin.Id, stored.Version.UploadedBy);

        var again = await sync.BatchAsync("documents", Document("D-55", content));
        Assert.Equal("unchanged", SyncTestPractice.Status(again, 0));
        Assert.Equal(stored.Document.Id, SyncTestPractice.Result(again, 0).GetProperty("id").GetGuid());

        var changed = DocumentsScenario.Pdf(200_000, seed: 2);
        var next = await sync.BatchAsync("documents", Document("D-55", changed));
        Assert.Equal("upload", SyncTestPractice.Status(next, 0));
        var (nextOutcome, nextVersion) = await sync.UploadAsync("D-55", changed);
        Assert.Equal("version 2", nextOutcome);
        Assert.Equal(stored.Document.Id, (await VersionAsync(sync, nextVersion)).Document.Id);
        Assert.Equal("unchanged", SyncTestPractice.Status(await sync.BatchAsync("documents", Document("D-55", changed)), 0));

        // The program's files are the practice's: never in its own "new files".
        var listed = await NewAsync(sync);
        Assert.DoesNotContain(listed.EnumerateArray(), i => i.GetProperty("documentId").GetGuid() == stored.Document.Id);

        // A tombstone puts the file in the trash.
        Assert.Equal("deleted", SyncTestPractice.Status(await sync.BatchAsync("documents", new { externalId = "D-55", deleted = true }), 0));
        Assert.NotNull((await VersionAsync(sync, nextVersion, includeDeleted: true)).Document.DeletedAt);
    }

    [Theory, BothDatabases]
    public async Task An_upload_must_name_an_announced_document_and_another_practices_token_is_refused(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var sync = await SyncTestPractice.ConnectAsync(app);
        var other = await SyncTestPractice.ConnectAsync(app);
        await sync.AddClientAsync("C-1", "Jordan Lee");

        using var unnamed = await sync.CreateUploadAsync(10, null);
        Assert.Equal(HttpStatusCode.BadRequest, unnamed.StatusCode);
        Assert.Contains("document-external-id-required", await unnamed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var unknown = await sync.CreateUploadAsync(10, "D-404");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("document-not-announced", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var content = DocumentsScenario.Pdf(1000);
        await sync.BatchAsync("documents", Document("D-1", content));
        using (var foreign = await sync.CreateUploadAsync(content.Length, "D-1", bearer: other.Token))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, foreign.StatusCode);
        }

        foreach (var (method, path) in new[] { (HttpMethod.Post, "api/v1/invoices/batch"), (HttpMethod.Post, "api/v1/payments/batch"), (HttpMethod.Post, "api/v1/documents/batch"), (HttpMethod.Get, "api/v1/documents/new"), (HttpMethod.Post, "api/v1/documents/downloaded") })
        {
            using var response = await sync.SendAsync(method, path, method == HttpMethod.Post ? JsonContent.Create(new { items = new[] { new { externalId = "X" } } }) : null, bearer: other.Token);
            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{method} {path} with another practice's token: {(int)response.StatusCode}");
        }

        Assert.Equal(0, await app.InPracticeAsync(sync.Practice, sp => sp.GetRequiredService<Portal.Billing.Data.BillingDbContext>().Invoices.CountAsync()));
    }

    [Theory, BothDatabases]
    public async Task A_client_upload_is_new_to_the_program_until_it_marks_it_downloaded(DatabaseProvider provider)
    {
        var (sync, clientId, browser) = await WithUploadingClientAsync(provider);
        var content = DocumentsScenario.Pdf(150_000, seed: 7);
        var versionId = await browser.UploadAsync(content, "T5.pdf", clientId);

        var item = await Eventually.GetAsync(async () =>
        {
            var items = await NewAsync(sync);
            return items.EnumerateArray().Where(i => i.GetProperty("versionId").GetGuid() == versionId).Select(i => (JsonElement?)i).FirstOrDefault();
        }, what: "the client's upload in the new files");
        Assert.Equal("C-1", item!.Value.GetProperty("clientExternalId").GetString());
        Assert.Equal(clientId, item.Value.GetProperty("clientId").GetGuid());
        Assert.Equal("T5.pdf", item.Value.GetProperty("fileName").GetString());
        Assert.Equal(content.Length, item.Value.GetProperty("length").GetInt64());
        Assert.Equal(SyncTestPractice.Sha256(content), item.Value.GetProperty("sha256").GetString());

        using var download = await sync.SendAsync(HttpMethod.Get, $"api/v1/documents/versions/{versionId}/content");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(content, await download.Content.ReadAsByteArrayAsync());

        // Fetching it is not marking it: still new, for the program and for staff.
        Assert.Contains((await NewAsync(sync)).EnumerateArray(), i => i.GetProperty("versionId").GetGuid() == versionId);
        Assert.Null((await VersionAsync(sync, versionId)).Version.StaffDownloadedAt);

        using var marked = await sync.SendAsync(HttpMethod.Post, "api/v1/documents/downloaded", JsonContent.Create(new { versionIds = new[] { versionId } }));
        Assert.Equal(HttpStatusCode.OK, marked.StatusCode);
        Assert.Equal(1, JsonDocument.Parse(await marked.Content.ReadAsStringAsync()).RootElement.GetProperty("marked").GetInt32());
        Assert.DoesNotContain((await NewAsync(sync)).EnumerateArray(), i => i.GetProperty("versionId").GetGuid() == versionId);

        using var markedAgain = await sync.SendAsync(HttpMethod.Post, "api/v1/documents/downloaded", JsonContent.Create(new { versionIds = new[] { versionId } }));
        Assert.Equal(0, JsonDocument.Parse(await markedAgain.Content.ReadAsStringAsync()).RootElement.GetProperty("marked").GetInt32());
    }

    [Theory, BothDatabases]
    public async Task Client_uploads_are_paged_after_the_last_one_seen_each_once_in_upload_order(DatabaseProvider provider)
    {
        var (sync, clientId, browser) = await WithUploadingClientAsync(provider);
        var uploaded = new List<Guid>();
        for (var n = 1; n <= 3; n++)
        {
            uploaded.Add(await browser.UploadAsync(DocumentsScenario.Pdf(20_000, seed: n), $"Slip {n}.pdf", clientId));
        }

        // The same pages the new-files list reads, one file each: every upload once, oldest first, then an empty page.
        var paged = await Eventually.GetAsync(
            () => sync.App.InPracticeAsync(sync.Practice, async sp =>
            {
                var exchange = sp.GetRequiredService<DocumentExchange>();
                var seen = new List<Guid>();
                ClientUploadedFile? last = null;
                for (var page = await exchange.ClientUploadsAsync(null, 1); page.Count > 0 && seen.Count < 10; page = await exchange.ClientUploadsAsync(last, 1))
                {
                    last = page[0];
                    seen.Add(last.VersionId);
                }

                return seen.Count == uploaded.Count ? seen : null;
            }),
            what: "the three uploads released by the scan");
        Assert.Equal(uploaded, paged);
    }

    /// <summary>A connected practice with client C-1 and one of its people signed in to upload, as the browser does.</summary>
    private async Task<(SyncTestPractice Sync, Guid ClientId, TusClient Browser)> WithUploadingClientAsync(DatabaseProvider provider)
    {
        var sync = await SyncTestPractice.ConnectAsync(await apps.For(provider));
        var clientUser = await sync.App.AddClientAsync(sync.Practice);
        var clientId = await sync.AddClientAsync("C-1", "Jordan Lee", (clientUser.Id, ClientAccessLevel.Full));
        return (sync, clientId, new TusClient(await sync.App.SignedInClientAsync(sync.Practice, clientUser, Practices.ClientPassword)));
    }

    private static async Task<JsonElement> NewAsync(SyncTestPractice sync)
    {
        using var response = await sync.SendAsync(HttpMethod.Get, "api/v1/documents/new?limit=1000");
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        return JsonDocument.Parse(text).RootElement.GetProperty("items").Clone();
    }

    private static Task<(Document Document, DocumentVersion Version)> VersionAsync(SyncTestPractice sync, Guid versionId, bool includeDeleted = false)
        => sync.App.InPracticeAsync(sync.Practice, async sp =>
        {
            var db = sp.GetRequiredService<DocumentsDbContext>();
            var version = await db.Versions.AsNoTracking().SingleAsync(v => v.Id == versionId);
            var document = await db.Documents.AsNoTracking().SingleAsync(d => d.Id == version.DocumentId && (includeDeleted || d.DeletedAt == null));
            return (document, version);
        });
}
