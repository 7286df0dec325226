using AngleSharp.Html.Dom;
using Portal.Core.Data;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Documents;

/// <summary>
/// Files the practice sends are marked "New" for the client until one of the client's portal users
/// downloads them, as client uploads are new for staff until someone on staff downloads them.
/// </summary>
public sealed class ClientNewMarkTests(SharedApps apps) : IClassFixture<SharedApps>
{
    [Theory, BothDatabases]
    public async Task A_file_the_practice_sent_is_new_to_the_client_until_one_of_its_users_downloads_it(DatabaseProvider provider)
    {
        var scenario = await DocumentsScenario.CreateAsync(await apps.For(provider));
        var staff = new TusClient(await scenario.App.SignedInClientAsync(scenario.Practice, scenario.Staff));
        var client = new TusClient(await scenario.App.SignedInClientAsync(scenario.Practice, scenario.ClientUser));
        var letter = await staff.UploadAsync(DocumentsScenario.Pdf(12_000, 1), "Engagement letter.pdf", scenario.ClientId);
        await staff.UploadAsync(DocumentsScenario.Pdf(14_000, 2), "Accounts.pdf", scenario.ClientId);
        await staff.UploadAsync(DocumentsScenario.Pdf(16_000, 3), "Return.pdf", scenario.ClientId);
        await client.UploadAsync(DocumentsScenario.Pdf(18_000, 4), "Receipts.pdf", scenario.ClientId);
        Assert.Equal(new[] { "Accounts.pdf", "Engagement letter.pdf", "Return.pdf" }, await NewToClientAsync(client, scenario));

        // Staff downloading what they sent changes nothing for the client; the client's own download does.
        await staff.DownloadAsync(letter.ToString());
        Assert.Equal(new[] { "Accounts.pdf", "Engagement letter.pdf", "Return.pdf" }, await NewToClientAsync(client, scenario));
        await client.DownloadAsync(letter.ToString());
        Assert.Equal(new[] { "Accounts.pdf", "Return.pdf" }, await NewToClientAsync(client, scenario));

        // A download in a zip counts too.
        var page = await client.Http.GetDocumentAsync($"documents/{scenario.ClientId}");
        var accounts = Row(page, "Accounts.pdf").GetAttribute("data-document")!;
        var zip = await client.Http.PostFormAsync((IHtmlFormElement)page.QuerySelector("#document-list")!, new() { ["Documents"] = accounts }, $"documents/{scenario.ClientId}");
        await zip.Content.ReadAsByteArrayAsync();
        Assert.Equal(new[] { "Return.pdf" }, await NewToClientAsync(client, scenario));

        // For staff, "New" stays what the client sent them.
        var staffList = await staff.Http.GetDocumentAsync($"admin/documents/clients/{scenario.ClientId}");
        Assert.Equal(new[] { "Receipts.pdf" }, staffList.QuerySelectorAll("tr.is-new").Select(r => r.QuerySelector("a[data-testid=download]")!.TextContent));

        // A new version of a file is new again.
        await staff.UploadAsync(DocumentsScenario.Pdf(13_000, 5), "Engagement letter.pdf", scenario.ClientId);
        Assert.Equal(new[] { "Engagement letter.pdf", "Return.pdf" }, await NewToClientAsync(client, scenario));
    }

    private static async Task<List<string>> NewToClientAsync(TusClient client, DocumentsScenario scenario)
    {
        var page = await client.Http.GetDocumentAsync($"documents/{scenario.ClientId}?sort=Name&desc=false");
        return page.QuerySelectorAll("tr[data-document]")
            .Where(row => row.ClassList.Contains("is-new") && row.QuerySelectorAll(".badge").Any(b => b.TextContent.Trim() == "New"))
            .Select(row => row.QuerySelector("a[data-testid=download]")!.TextContent)
            .ToList();
    }

    private static AngleSharp.Dom.IElement Row(IHtmlDocument page, string name)
        => page.QuerySelectorAll("tr[data-document]").Single(r => r.QuerySelector("a[data-testid=download]")!.TextContent == name);
}
