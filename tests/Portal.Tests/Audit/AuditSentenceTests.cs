using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.Extensions.DependencyInjection;
using Portal.Clients.Services;
using Portal.Core.Contracts;
using Portal.Core.Data;
using Portal.Core.Modules;
using Portal.Core.Tenancy;
using Portal.Documents.Services;
using Portal.Identity.Models;
using Portal.Tests.Documents;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Audit;

/// <summary>
/// The audit trail page as a practice reads it: each event a sentence (who, what they did, to what, by
/// the names things have now, or as recorded once they are gone), action codes only in attributes, and
/// a filter that offers actions by name.
/// </summary>
public sealed partial class AuditSentenceTests(ClassApps apps) : IClassFixture<ClassApps>
{
    [Theory, BothDatabases]
    public async Task A_download_reads_as_who_downloaded_which_file_and_the_page_shows_no_ids_or_codes(DatabaseProvider provider)
    {
        var people = await PeopleAsync(await apps.For(provider));
        var version = await people.SendAsync("T4 slip 2025.pdf");
        var asJordan = await people.App.SignedInClientAsync(people.Practice, people.Jordan);
        Assert.Equal(HttpStatusCode.OK, (await asJordan.GetAsync($"documents/versions/{version}/download")).StatusCode);

        var page = await (await people.App.SignedInClientAsync(people.Practice, people.Admin)).GetDocumentAsync("admin/audit");

        Assert.Equal("Jordan Lee downloaded T4 slip 2025.pdf", Sentence(page, DocumentAuditActions.Downloaded));
        Assert.Equal("Morgan Reid uploaded T4 slip 2025.pdf", Sentence(page, DocumentAuditActions.Uploaded));
        Assert.Equal("Sam Carter signed in", Sentence(page, AuditActions.SignInSucceeded));
        Assert.Equal("The system added a client to the portal Lee household", Sentence(page, ClientAuditActions.PortalClientAdded));
        Assert.Equal("Lee Family Trust", Row(page, ClientAuditActions.PortalClientAdded).QuerySelector("td:nth-child(4)")!.TextContent.Trim());
        var table = page.QuerySelector("table[data-testid=audit-events]")!;
        Assert.True(table.QuerySelectorAll("tbody tr").Length >= 8, "the sample recorded a sign-in, an upload, a download and the portal's setting up");
        Assert.DoesNotMatch(Guid(), table.TextContent);
        var recorded = (await people.App.EventsAsync(people.Practice)).Select(e => e.Action).Distinct().ToList();
        Assert.All(recorded, action => Assert.DoesNotContain(action, table.TextContent, StringComparison.Ordinal));
        Assert.Equal(DocumentAuditActions.Downloaded, Row(page, DocumentAuditActions.Downloaded).GetAttribute("data-action"));

        // The filter names each recorded action; the value it sends is still the code.
        var options = page.QuerySelectorAll("#filter-action option").Where(o => o.GetAttribute("value") != "").ToList();
        Assert.Equal(recorded.Order(StringComparer.Ordinal), options.Select(o => o.GetAttribute("value")!).Order(StringComparer.Ordinal));
        Assert.Equal("Document downloaded", options.Single(o => o.GetAttribute("value") == DocumentAuditActions.Downloaded).TextContent);
        Assert.All(options, o => Assert.Matches("^[A-Z][^.]*$", o.TextContent));
    }

    [Theory, BothDatabases]
    public async Task A_renamed_target_shows_its_new_name_and_a_purged_one_what_was_recorded(DatabaseProvider provider)
    {
        var people = await PeopleAsync(await apps.For(provider));
        var app = people.App;
        var version = await people.SendAsync("T4 slip 2025.pdf");
        var asJordan = await app.SignedInClientAsync(people.Practice, people.Jordan);
        Assert.Equal(HttpStatusCode.OK, (await asJordan.GetAsync($"documents/versions/{version}/download")).StatusCode);
        await app.InPracticeAsync(people.Practice, sp => sp.GetRequiredService<PortalStore>().RenameAsync(people.PortalId, "The Lees"));

        var admin = await app.SignedInClientAsync(people.Practice, people.Admin);
        var renamed = await admin.GetDocumentAsync("admin/audit");
        Assert.Equal("The system created the portal The Lees", Sentence(renamed, ClientAuditActions.PortalCreated));
        Assert.Equal("The system renamed the portal The Lees", Sentence(renamed, ClientAuditActions.PortalRenamed));
        Assert.Equal("Lee household → The Lees", Row(renamed, ClientAuditActions.PortalRenamed).QuerySelector("td:nth-child(4)")!.TextContent.Trim());

        // Moved to the trash by the administrator, then purged after the retention period.
        var list = await admin.GetDocumentAsync($"admin/documents/clients/{people.ClientId}");
        var documentId = list.QuerySelector("tr[data-document]")!.GetAttribute("data-document")!;
        var token = list.QuerySelector("#document-list input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var trash = await admin.PostAsync($"admin/documents/clients/{people.ClientId}?handler=Trash", new FormUrlEncodedContent([new("documents", documentId), new("__RequestVerificationToken", token)]));
        Assert.Equal(HttpStatusCode.Redirect, trash.StatusCode);
        app.Clock.Advance(TimeSpan.FromDays(121));
        await app.InPracticeAsync(people.Practice, sp => sp.GetRequiredService<DocumentMaintenanceHandler>().MaintainAsync(default));
        admin = await app.SignedInClientAsync(people.Practice, people.Admin); // the old session expired with the jump

        var purged = await admin.GetDocumentAsync("admin/audit");
        Assert.Equal("Jordan Lee downloaded T4 slip 2025.pdf v1", Sentence(purged, DocumentAuditActions.Downloaded));
        Assert.NotNull(Row(purged, DocumentAuditActions.Downloaded).QuerySelector("[data-testid=sentence] em[title]"));
        Assert.Equal("Sam Carter moved documents of Lee Family Trust to the trash", Sentence(purged, DocumentAuditActions.Trashed));
        Assert.Equal("1 document: T4 slip 2025.pdf", Row(purged, DocumentAuditActions.Trashed).QuerySelector("td:nth-child(4)")!.TextContent.Trim());
        Assert.DoesNotMatch(Guid(), purged.QuerySelector("table[data-testid=audit-events]")!.TextContent);

        // The export keeps the record as it was made: the ids, the codes, the details.
        var csv = await admin.GetStringAsync("admin/audit/export?action=" + DocumentAuditActions.Trashed);
        Assert.Contains($"T4 slip 2025.pdf ({documentId})", csv, StringComparison.Ordinal);
        Assert.Contains(DocumentAuditActions.Trashed, csv, StringComparison.Ordinal);
        Assert.Contains("Sam Carter moved documents of Lee Family Trust to the trash", csv, StringComparison.Ordinal);
    }

    /// <summary>The newest event of the action on the page.</summary>
    private static IElement Row(IHtmlDocument page, string action)
        => page.QuerySelectorAll("table tbody tr").FirstOrDefault(r => r.GetAttribute("data-action") == action)
            ?? throw new InvalidOperationException($"no {action} event on the page");

    private static string Sentence(IHtmlDocument page, string action)
        => AuditTestData.Text(Row(page, action).QuerySelector("[data-testid=sentence]")!.TextContent);

    private static async Task<People> PeopleAsync(PortalApplication app)
    {
        var practice = await app.CreatePracticeAsync();
        await app.InPracticeAsync(practice, sp => sp.GetRequiredService<TenantFeatures>().EnableAsync([Portal.Documents.Manifest.Feature], default));
        practice = app.Get<TenantRegistry>().Find(practice.Name)!;
        var admin = await app.AddUserAsync(practice, $"sam-{System.Guid.NewGuid():N}@{practice.Name}.example", UserKind.Staff, [PortalRole.Administrator], displayName: "Sam Carter");
        var morgan = await app.AddUserAsync(practice, $"morgan-{System.Guid.NewGuid():N}@{practice.Name}.example", UserKind.Staff, [PortalRole.Staff], displayName: "Morgan Reid");
        var jordan = await app.AddUserAsync(practice, $"jordan-{System.Guid.NewGuid():N}@{practice.Name}.example", UserKind.Client, displayName: "Jordan Lee");
        var (clientId, portalId) = await app.InPracticeAsync(practice, async sp =>
        {
            var clientId = await ClientsFixtures.CreateClientInPortalAsync(sp, "Lee Family Trust", [(jordan.Id, ClientAccessLevel.Full)]);
            var portal = await sp.GetRequiredService<ClientStore>().PortalOfAsync(clientId) ?? throw new InvalidOperationException("no portal");
            await sp.GetRequiredService<PortalStore>().RenameAsync(portal.Id, "Lee household");
            return (clientId, portal.Id);
        });
        return new People(app, practice, clientId, portalId, admin, morgan, jordan);
    }

    [GeneratedRegex("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")]
    private static partial Regex Guid();

    private sealed record People(PortalApplication App, TenantDescriptor Practice, Guid ClientId, Guid PortalId, PortalUser Admin, PortalUser Morgan, PortalUser Jordan)
    {
        /// <summary>Morgan sends the client a file; returns its version.</summary>
        public async Task<Guid> SendAsync(string fileName)
            => await new TusClient(await App.SignedInClientAsync(Practice, Morgan)).UploadAsync(DocumentsScenario.Pdf(5_000), fileName, ClientId);
    }
}
