using Portal.Core.Data;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Documents;

/// <summary>
/// A document row on the client's documents page: an inline icon for the kind of file, the name on
/// a line of its own, and below it the size, date and who sent it; the row's actions are plain links.
/// </summary>
public sealed class DocumentRowTests(SharedApps apps) : IClassFixture<SharedApps>
{
    [Theory, BothDatabases]
    public async Task Each_row_has_an_icon_for_its_kind_of_file_and_a_line_with_size_date_and_sender(DatabaseProvider provider)
    {
        var scenario = await DocumentsScenario.CreateAsync(await apps.For(provider));
        var staff = new TusClient(await scenario.App.SignedInClientAsync(scenario.Practice, scenario.Staff));
        var client = new TusClient(await scenario.App.SignedInClientAsync(scenario.Practice, scenario.ClientUser));
        await staff.UploadAsync(DocumentsScenario.Pdf(12_000, 1), "Year-end accounts.pdf", scenario.ClientId);
        await staff.UploadAsync("Date,Amount\n2026-01-31,120.00\n"u8.ToArray(), "Trial balance.csv", scenario.ClientId);
        await staff.UploadAsync([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13], "Receipt photo.png", scenario.ClientId);
        await staff.UploadAsync("Please sign page 3."u8.ToArray(), "Read me.txt", scenario.ClientId);

        var page = await client.Http.GetDocumentAsync($"documents/{scenario.ClientId}?sort=Name&desc=false");
        var rows = page.QuerySelectorAll("tr[data-document]").ToDictionary(r => r.QuerySelector("a[data-testid=download]")!.TextContent);
        Assert.Equal(
            new Dictionary<string, string> { ["Read me.txt"] = "text", ["Receipt photo.png"] = "image", ["Trial balance.csv"] = "spreadsheet", ["Year-end accounts.pdf"] = "pdf" },
            rows.ToDictionary(r => r.Key, r => r.Value.QuerySelector(".document-title svg.file-icon")!.GetAttribute("data-file-kind")!));

        var pdf = rows["Year-end accounts.pdf"];
        var icon = pdf.QuerySelector("svg.file-icon")!;
        Assert.Equal("true", icon.GetAttribute("aria-hidden"));
        Assert.Empty(icon.QuerySelectorAll("[href], image, use")); // drawn in the page, nothing fetched
        Assert.Equal("Year-end accounts.pdf", pdf.QuerySelector(".document-title a[data-testid=download]")!.GetAttribute("title"));

        var meta = pdf.QuerySelector(".document-meta")!;
        var parts = meta.QuerySelectorAll(":scope > span").Select(s => s.TextContent.Trim()).ToList();
        Assert.Equal(3, parts.Count);
        Assert.Equal(Portal.Documents.Services.Sizes.Format(12_000), parts[0]);
        Assert.NotNull(meta.QuerySelector("time[datetime]"));
        Assert.StartsWith("Your accountant (", parts[2], StringComparison.Ordinal);

        // Staff see the same row with its Details link: a real link in the tab order, not a hover-only control.
        var staffPage = await staff.Http.GetDocumentAsync($"admin/documents/clients/{scenario.ClientId}");
        var details = staffPage.QuerySelectorAll("tr[data-document] .document-actions a.document-action").First();
        Assert.StartsWith("Details", details.TextContent.Trim(), StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(details.GetAttribute("href")));
        Assert.Null(details.GetAttribute("tabindex"));
    }
}
