using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Data;
using Portal.Documents.Services;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Documents;

/// <summary>New files, versions, trash and notes, as staff and clients use them.</summary>
public sealed class DocumentFlowTests(ClassApps apps) : IClassFixture<ClassApps>
{
    [Theory, BothDatabases]
    public async Task A_client_upload_is_new_until_a_staff_member_downloads_it(DatabaseProvider provider)
    {
        var scenario = await DocumentsScenario.CreateAsync(await apps.For(provider));
        var client = new TusClient(await scenario.App.SignedInClientAsync(scenario.Practice, scenario.ClientUser));
        var staff = await scenario.App.SignedInClientAsync(scenario.Practice, scenario.Staff);
        var version = await client.UploadAsync(DocumentsScenario.Pdf(30_000), "T4 slip.pdf", scenario.ClientId);

        var overview = await staff.GetDocumentAsync("admin/documents");
        Assert.Equal("1", overview.QuerySelector("[data-testid=new-count]")!.TextContent.Trim());
        Assert.Contains("T4 slip.pdf", overview.QuerySelector("[data-new-file]")!.TextContent, StringComparison.Ordinal);

        // The client downloading their own file changes nothing; a staff download does.
        await client.DownloadAsync(version.ToString());
        Assert.Equal("1", (await staff.GetDocumentAsync("admin/documents")).QuerySelector("[data-testid=new-count]")!.TextContent.Trim());
        await staff.GetByteArrayAsync($"documents/versions/{version}/download");
        var after = await staff.GetDocumentAsync("admin/documents");
        Assert.Equal("0", after.QuerySelector("[data-testid=new-count]")!.TextContent.Trim());
        Assert.Null(after.QuerySelector("[data-new-file]"));
    }

    [Theory, BothDatabases]
    public async Task The_same_name_in_the_same_folder_becomes_a_new_version_and_the_old_one_stays_downloadable(DatabaseProvider provider)
    {
        var scenario = await DocumentsScenario.CreateAsync(await apps.For(provider));
        var staff = new TusClient(await scenario.App.SignedInClientAsync(scenario.Practice, scenario.Staff));
        var v1 = DocumentsScenario.Pdf(20_000, 1);
        var v2 = DocumentsScenario.Pdf(25_000, 2);
        var first = await staff.UploadAsync(v1, "Accounts.pdf", scenario.ClientId);
        var second = await staff.UploadAsync(v2, "accounts.PDF".Replace(".PDF", ".pdf", StringComparison.Ordinal), scenario.ClientId);

        var list = await staff.Http.GetDocumentAsync($"admin/documents/clients/{scenario.ClientId}");
        var rows = list.QuerySelectorAll("tr[data-document]");
        Assert.Single(rows);
        Assert.Equal("2", rows[0].QuerySelectorAll("td").Last().TextContent.Trim());
        Assert.Equal(v1, await staff.DownloadAsync(first.ToString()));
        Assert.Equal(v2, await staff.DownloadAsync(second.ToString()));
    }

    [Theory, BothDatabases]
    public async Task Files_of_the_practice_and_of_the_client_never_version_each_other_and_identical_bytes_add_nothing(DatabaseProvider provider)
    {
        var scenario = await DocumentsScenario.CreateAsync(await apps.For(provider));
        var staff = new TusClient(await scenario.App.SignedInClientAsync(scenario.Practice, scenario.Staff));
        var client = new TusClient(await scenario.App.SignedInClientAsync(scenario.Practice, scenario.ClientUser));
        const string name = "2025 Notice of Assessment.pdf";
        var sent = DocumentsScenario.Pdf(20_000, 1);
        var answer = DocumentsScenario.Pdf(22_000, 2);

        var (practiceVersion, first) = await staff.UploadWithOutcomeAsync(sent, name, scenario.ClientId);
        Assert.Equal("new", first);

        // The client sends a file of the same name (even the same bytes): a document of its own.
        Assert.Equal("new", (await client.UploadWithOutcomeAsync(sent, name, scenario.ClientId)).Outcome);
        var (clientVersion, second) = await client.UploadWithOutcomeAsync(answer, name, scenario.ClientId);
        Assert.Equal("version 2", second);
        var (sameAgain, third) = await client.UploadWithOutcomeAsync(answer, name, scenario.ClientId);
        Assert.Equal("unchanged 2", third);
        Assert.Equal(clientVersion, sameAgain);

        var rows = (await staff.Http.GetDocumentAsync($"admin/documents/clients/{scenario.ClientId}")).QuerySelectorAll("tr[data-document]")
            .Select(r => (From: r.QuerySelectorAll("td")[2].TextContent.Trim(), Version: r.QuerySelectorAll("td").Last().TextContent.Trim()))
            .OrderBy(r => r.From, StringComparer.Ordinal).ToList();
        Assert.Equal(2, rows.Count);
        Assert.StartsWith("Client", rows[0].From, StringComparison.Ordinal);
        Assert.Equal("2", rows[0].Version);
        Assert.StartsWith("Practice", rows[1].From, StringComparison.Ordinal);
        Assert.Equal("1", rows[1].Version);
        Assert.Equal(sent, await client.DownloadAsync(practiceVersion.ToString()));
        Assert.Equal(answer, await staff.DownloadAsync(clientVersion.ToString()));

        // The practice sending its own file again with new content versions its document only.
        Assert.Equal("version 2", (await staff.UploadWithOutcomeAsync(DocumentsScenario.Pdf(21_000, 3), name, scenario.ClientId)).Outcome);
    }

    [Theory, BothDatabases]
    public async Task Trash_hides_restores_and_after_the_retention_purges_with_the_stored_bytes(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var scenario = await DocumentsScenario.CreateAsync(app);
        var admin = await app.SignedInClientAsync(scenario.Practice, scenario.Admin);
        var tus = new TusClient(admin);
        var version = await tus.UploadAsync(DocumentsScenario.Pdf(10_000), "old.pdf", scenario.ClientId);

        var list = await admin.GetDocumentAsync($"admin/documents/clients/{scenario.ClientId}");
        var documentId = list.QuerySelector("tr[data-document]")!.GetAttribute("data-document")!;
        var token = list.QuerySelector("#document-list input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        // Nothing ticked: nothing moves, and the list, as it was sorted, says what to do.
        var listAsItWas = new Uri(admin.BaseAddress!, $"admin/documents/clients/{scenario.ClientId}?sort=size").PathAndQuery;
        var nothing = await admin.PostAsync($"admin/documents/clients/{scenario.ClientId}?handler=Trash", new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("ReturnUrl", listAsItWas)]));
        Assert.Equal(HttpStatusCode.Redirect, nothing.StatusCode);
        Assert.Equal(listAsItWas, nothing.Headers.Location!.OriginalString);
        var unchanged = await admin.GetDocumentAsync(listAsItWas);
        Assert.Contains("Choose at least one document to move to the trash", unchanged.QuerySelector("main [role=alert]")!.TextContent, StringComparison.Ordinal);
        Assert.Single(unchanged.QuerySelectorAll("tr[data-document]"));

        var trash = await admin.PostAsync($"admin/documents/clients/{scenario.ClientId}?handler=Trash", new FormUrlEncodedContent([new("documents", documentId), new("__RequestVerificationToken", token)]));
        Assert.Equal(HttpStatusCode.Redirect, trash.StatusCode);
        Assert.Empty((await admin.GetDocumentAsync($"admin/documents/clients/{scenario.ClientId}")).QuerySelectorAll("tr[data-document]"));
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"documents/versions/{version}/download")).StatusCode);

        var restore = await admin.SubmitFormAsync("admin/documents/trash", [], $"tr[data-trashed='{documentId}'] form");
        Assert.Equal(HttpStatusCode.Redirect, restore.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"documents/versions/{version}/download")).StatusCode);

        // Trashed again and forgotten for longer than the retention: the maintenance job removes it for good.
        token = (await admin.GetDocumentAsync($"admin/documents/clients/{scenario.ClientId}")).QuerySelector("#document-list input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        await admin.PostAsync($"admin/documents/clients/{scenario.ClientId}?handler=Trash", new FormUrlEncodedContent([new("documents", documentId), new("__RequestVerificationToken", token)]));
        var blobCount = Directory.GetFiles(Path.Combine(app.AppDataPath, "blobs"), "*", SearchOption.AllDirectories).Length;
        app.Clock.Advance(TimeSpan.FromDays(121));
        await app.InPracticeAsync(scenario.Practice, sp => sp.GetRequiredService<DocumentMaintenanceHandler>().MaintainAsync(default));
        admin = await app.SignedInClientAsync(scenario.Practice, scenario.Admin); // the old session expired with the jump
        Assert.Empty((await admin.GetDocumentAsync("admin/documents/trash")).QuerySelectorAll($"tr[data-trashed='{documentId}']"));
        Assert.Equal(blobCount - 1, Directory.GetFiles(Path.Combine(app.AppDataPath, "blobs"), "*", SearchOption.AllDirectories).Length);
    }

    [Theory, BothDatabases]
    public async Task Notes_for_staff_stay_with_staff_and_visible_notes_reach_the_client(DatabaseProvider provider)
    {
        var scenario = await DocumentsScenario.CreateAsync(await apps.For(provider));
        var staff = await scenario.App.SignedInClientAsync(scenario.Practice, scenario.Staff);
        await new TusClient(staff).UploadAsync(DocumentsScenario.Pdf(5000), "Return.pdf", scenario.ClientId);
        var documentId = (await staff.GetDocumentAsync($"admin/documents/clients/{scenario.ClientId}")).QuerySelector("tr[data-document]")!.GetAttribute("data-document")!;

        await staff.SubmitFormAsync($"admin/documents/{documentId}", new() { ["text"] = "Internal: check line 12" }, "form[action*='handler=Note']");
        await staff.SubmitFormAsync($"admin/documents/{documentId}", new() { ["text"] = "=Please sign page 3", ["visibleToClient"] = "true" }, "form[action*='handler=Note']");

        var client = await scenario.App.SignedInClientAsync(scenario.Practice, scenario.ClientUser);
        var notes = (await client.GetDocumentAsync($"documents/{scenario.ClientId}/notes/{documentId}")).QuerySelector("main")!.TextContent;
        Assert.Contains("Please sign page 3", notes, StringComparison.Ordinal);
        Assert.DoesNotContain("Internal", notes, StringComparison.Ordinal);

        var csv = await staff.GetStringAsync($"admin/documents/clients/{scenario.ClientId}?handler=NotesCsv");
        Assert.Contains("\"Internal: check line 12\"", csv, StringComparison.Ordinal);
        Assert.Contains("\"'=Please sign page 3\"", csv, StringComparison.Ordinal);

        // A document in the trash is not on the page, so its notes are not in the export either.
        var admin = await scenario.App.SignedInClientAsync(scenario.Practice, scenario.Admin);
        var token = await admin.AntiforgeryTokenAsync($"admin/documents/clients/{scenario.ClientId}");
        await admin.PostAsync($"admin/documents/clients/{scenario.ClientId}?handler=Trash", new FormUrlEncodedContent([new("documents", documentId), new("__RequestVerificationToken", token)]));
        var afterTrash = await staff.GetStringAsync($"admin/documents/clients/{scenario.ClientId}?handler=NotesCsv");
        Assert.DoesNotContain("Internal: check line 12", afterTrash, StringComparison.Ordinal);
        Assert.DoesNotContain("Please sign page 3", afterTrash, StringComparison.Ordinal);
    }
}
