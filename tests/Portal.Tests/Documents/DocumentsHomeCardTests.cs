using System.Security.Claims;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Contracts;
using Portal.Core.Data;
using Portal.Core.Modules;
using Portal.Documents.Services;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Documents;

/// <summary>
/// The client home's Documents card and the Documents badge: the files the practice sent that no one of the
/// client has downloaded yet, newest first, each leading to its folder; only the user's own portal's, only
/// what is shared with a contributor; none while Documents is off. The home page keeps copies (its output
/// cache): a new file shows on the next request all the same.
/// </summary>
public sealed class DocumentsHomeCardTests(SharedApps apps) : IClassFixture<SharedApps>
{
    [Theory, BothDatabases]
    public async Task The_card_counts_and_lists_what_is_new_to_the_client_until_downloaded(DatabaseProvider provider)
    {
        var scenario = await DocumentsScenario.CreateAsync(await apps.For(provider));
        var app = scenario.App;
        var otherUser = await app.AddClientAsync(scenario.Practice);
        var otherClientId = await app.InPracticeAsync(scenario.Practice, sp => ClientsFixtures.CreateClientInPortalAsync(sp, "Okafor Consulting", [(otherUser.Id, ClientAccessLevel.Full)]));
        var folderId = await app.InPracticeAsync(scenario.Practice, async sp =>
            (await sp.GetRequiredService<DocumentLibrary>().CreateFolderAsync(scenario.ClientId, null, "Tax return 2025", false, new ClaimsPrincipal())).Folder!.Id);
        var staff = new TusClient(await app.SignedInClientAsync(scenario.Practice, scenario.Staff));
        var client = new TusClient(await app.SignedInClientAsync(scenario.Practice, scenario.ClientUser));

        // Before anything is sent: the card is there and says so (and this copy of the page is kept).
        var before = Card(await client.Http.GetDocumentAsync(""), "Documents");
        Assert.Contains("Nothing new.", before.TextContent, StringComparison.Ordinal);
        Assert.Empty(before.QuerySelectorAll("[data-testid=home-line]"));

        var letter = await staff.UploadAsync(DocumentsScenario.Pdf(12_000, 1), "Engagement letter.pdf", scenario.ClientId);
        await staff.UploadAsync(DocumentsScenario.Pdf(14_000, 2), "Return.pdf", scenario.ClientId, folderId);
        await client.UploadAsync(DocumentsScenario.Pdf(16_000, 3), "Receipts.pdf", scenario.ClientId);
        await staff.UploadAsync(DocumentsScenario.Pdf(18_000, 4), "Okafor invoice.pdf", otherClientId);

        var home = await client.Http.GetDocumentAsync("");
        var card = Card(home, "Documents");
        Assert.Contains("2 documents are new: you have not downloaded them yet.", card.TextContent, StringComparison.Ordinal);
        var lines = Lines(card);
        Assert.Equal(["Return.pdf", "Engagement letter.pdf"], lines.Select(l => l.Text));
        Assert.EndsWith($"/documents/{scenario.ClientId}?folder={folderId}", lines[0].Href, StringComparison.Ordinal);
        Assert.EndsWith($"/documents/{scenario.ClientId}", lines[1].Href, StringComparison.Ordinal);
        Assert.All(lines, l => Assert.Contains($"Sent by {scenario.Staff.DisplayName}", l.Note, StringComparison.Ordinal));
        Assert.Equal("2", Badge(home)?.QuerySelector("[aria-hidden=true]")?.TextContent);
        Assert.DoesNotMatch("[0-9a-f]{8}-[0-9a-f]{4}-", card.TextContent);

        // Another client's user sees their own file only.
        var other = await app.SignedInClientAsync(scenario.Practice, otherUser);
        Assert.Equal(["Okafor invoice.pdf"], Lines(Card(await other.GetDocumentAsync(""), "Documents")).Select(l => l.Text));

        // A contributor sees what is shared with them: nothing, then the folder.
        var contributor = await app.SignedInClientAsync(scenario.Practice, scenario.Contributor);
        Assert.Contains("Nothing new.", Card(await contributor.GetDocumentAsync(""), "Documents").TextContent, StringComparison.Ordinal);
        await app.InPracticeAsync(scenario.Practice, async sp =>
        {
            await sp.GetRequiredService<DocumentLibrary>().ShareAsync(scenario.ClientId, null, folderId, scenario.Contributor.Id, new ClaimsPrincipal());
            return 0;
        });
        Assert.Equal(["Return.pdf"], Lines(Card(await contributor.GetDocumentAsync(""), "Documents")).Select(l => l.Text));

        // Downloaded by the client: no longer new, on the next request.
        await client.DownloadAsync(letter.ToString());
        home = await client.Http.GetDocumentAsync("");
        card = Card(home, "Documents");
        Assert.Contains("1 document is new: you have not downloaded it yet.", card.TextContent, StringComparison.Ordinal);
        Assert.Equal(["Return.pdf"], Lines(card).Select(l => l.Text));
        Assert.Equal("1", Badge(home)?.QuerySelector("[aria-hidden=true]")?.TextContent);
    }

    [Theory, BothDatabases]
    public async Task No_card_and_no_badge_while_documents_are_off_for_the_practice(DatabaseProvider provider)
    {
        var scenario = await DocumentsScenario.CreateAsync(await apps.For(provider));
        var staff = new TusClient(await scenario.App.SignedInClientAsync(scenario.Practice, scenario.Staff));
        await staff.UploadAsync(DocumentsScenario.Pdf(12_000, 1), "Engagement letter.pdf", scenario.ClientId);
        var client = await scenario.App.SignedInClientAsync(scenario.Practice, scenario.ClientUser);
        Assert.NotNull(Badge(await client.GetDocumentAsync("")));

        var change = await scenario.App.InPracticeAsync(scenario.Practice, sp => sp.GetRequiredService<TenantFeatures>().DisableAsync(Portal.Documents.Manifest.Feature, default));
        Assert.True(change.Succeeded, change.Error);

        var home = await client.GetDocumentAsync("");
        Assert.DoesNotContain("Documents", home.QuerySelectorAll(".card-grid .card h2").Select(h => h.TextContent.Trim()));
        Assert.Null(Badge(home));
    }

    private static IElement Card(IHtmlDocument home, string title)
    {
        var card = home.QuerySelectorAll(".card-grid .card").SingleOrDefault(c => c.QuerySelector("h2")?.TextContent.Trim() == title);
        Assert.True(card is not null, $"No '{title}' card on the home page; cards: {string.Join(", ", home.QuerySelectorAll(".card-grid .card h2").Select(h => h.TextContent.Trim()))}.");
        return card;
    }

    private static List<(string Text, string Href, string Note)> Lines(IElement card)
        => card.QuerySelectorAll("[data-testid=home-line]")
            .Select(l => (l.QuerySelector("a")!.TextContent.Trim(), l.QuerySelector("a")!.GetAttribute("href")!, l.QuerySelector("span")?.TextContent.Trim() ?? ""))
            .ToList();

    private static IElement? Badge(IHtmlDocument page)
        => page.QuerySelectorAll("nav a").FirstOrDefault(a => a.GetAttribute("href")?.EndsWith("/documents", StringComparison.Ordinal) == true)?.QuerySelector(".nav-count");
}
