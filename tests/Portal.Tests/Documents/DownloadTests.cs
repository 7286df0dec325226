using System.IO.Compression;
using System.Net;
using System.Security.Cryptography;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Data;
using Portal.Documents.Data;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Documents;

public sealed class DownloadTests(SharedApps apps) : IClassFixture<SharedApps>
{
    [Theory, BothDatabases]
    public async Task A_download_is_an_attachment_with_an_rfc6266_name_and_is_never_sniffed(DatabaseProvider provider)
    {
        var scenario = await DocumentsScenario.CreateAsync(await apps.For(provider));
        var tus = new TusClient(await scenario.App.SignedInClientAsync(scenario.Practice, scenario.Staff));
        var version = await tus.UploadAsync(DocumentsScenario.Pdf(10_000), "Relevé d'impôt 2025.pdf", scenario.ClientId);

        var response = await tus.Http.GetAsync($"documents/versions/{version}/download");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var disposition = response.Content.Headers.ContentDisposition!;
        Assert.Equal("attachment", disposition.DispositionType);
        Assert.Equal("Relevé d'impôt 2025.pdf", disposition.FileNameStar);
        Assert.Equal("application/octet-stream", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Contains("no-store", response.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
    }

    [Theory, BothDatabases]
    public async Task A_tampered_or_truncated_file_is_reported_damaged_instead_of_sent(DatabaseProvider provider)
    {
        var scenario = await DocumentsScenario.CreateAsync(await apps.For(provider));
        var tus = new TusClient(await scenario.App.SignedInClientAsync(scenario.Practice, scenario.Staff));
        var flipped = await tus.UploadAsync(DocumentsScenario.Pdf(200_000, 1), "flipped.pdf", scenario.ClientId);
        var truncated = await tus.UploadAsync(DocumentsScenario.Pdf(200_000, 2), "truncated.pdf", scenario.ClientId);

        var files = Directory.GetFiles(Path.Combine(scenario.App.AppDataPath, "blobs"), "*", SearchOption.AllDirectories);
        var flippedFile = await BlobFileAsync(scenario, flipped, files);
        var bytes = await File.ReadAllBytesAsync(flippedFile);
        bytes[bytes.Length / 2] ^= 0x01;
        await File.WriteAllBytesAsync(flippedFile, bytes);
        var truncatedFile = await BlobFileAsync(scenario, truncated, files);
        var original = await File.ReadAllBytesAsync(truncatedFile);
        await File.WriteAllBytesAsync(truncatedFile, original[..^20_000]);

        foreach (var version in new[] { flipped, truncated })
        {
            var response = await tus.Http.GetAsync($"documents/versions/{version}/download");
            Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
            Assert.Contains("failed its integrity check", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Theory, BothDatabases]
    public async Task Selected_documents_download_as_one_zip_with_their_bytes(DatabaseProvider provider)
    {
        var scenario = await DocumentsScenario.CreateAsync(await apps.For(provider));
        var browser = await scenario.App.SignedInClientAsync(scenario.Practice, scenario.ClientUser);
        var staff = new TusClient(await scenario.App.SignedInClientAsync(scenario.Practice, scenario.Staff));
        var a = DocumentsScenario.Pdf(150_000, 4);
        var b = DocumentsScenario.Pdf(70_000, 5);
        await staff.UploadAsync(a, "a.pdf", scenario.ClientId);
        await staff.UploadAsync(b, "b.pdf", scenario.ClientId);

        var page = await browser.GetDocumentAsync($"documents/{scenario.ClientId}");
        var ids = page.QuerySelectorAll("tr[data-document]").Select(r => r.GetAttribute("data-document")!).ToList();
        Assert.Equal(2, ids.Count);
        var token = page.QuerySelector("#document-list input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var zip = await browser.PostAsync($"documents/{scenario.ClientId}/zip", new FormUrlEncodedContent(ids.Select(id => new KeyValuePair<string, string>("Documents", id)).Append(new("__RequestVerificationToken", token))));
        Assert.Equal(HttpStatusCode.OK, zip.StatusCode);
        Assert.Equal("application/zip", zip.Content.Headers.ContentType!.MediaType);

        await using var archive = new ZipArchive(await zip.Content.ReadAsStreamAsync(), ZipArchiveMode.Read);
        var entries = archive.Entries.ToDictionary(e => e.FullName);
        Assert.Equal(SHA256.HashData(a), await HashAsync(entries["a.pdf"]));
        Assert.Equal(SHA256.HashData(b), await HashAsync(entries["b.pdf"]));
    }

    [Theory, BothDatabases]
    public async Task A_zip_with_nothing_chosen_goes_back_to_the_list_and_says_what_to_do(DatabaseProvider provider)
    {
        var scenario = await DocumentsScenario.CreateAsync(await apps.For(provider));
        var browser = await scenario.App.SignedInClientAsync(scenario.Practice, scenario.ClientUser);
        var staff = new TusClient(await scenario.App.SignedInClientAsync(scenario.Practice, scenario.Staff));
        await staff.UploadAsync(DocumentsScenario.Pdf(20_000), "a.pdf", scenario.ClientId);
        var list = $"documents/{scenario.ClientId}?sort=size";
        var form = (await browser.GetDocumentAsync(list)).QuerySelector("#document-list") as IHtmlFormElement ?? throw new InvalidOperationException("No document list form.");

        var nothing = await browser.PostFormAsync(form, [], list);

        Assert.Equal(HttpStatusCode.Redirect, nothing.StatusCode);
        var back = nothing.Headers.Location!.OriginalString;
        Assert.EndsWith("/" + list, back, StringComparison.Ordinal);
        var page = await browser.GetDocumentAsync(back);
        Assert.Equal(
            "Choose at least one document to download: tick the boxes beside the files you want.",
            page.QuerySelector("main [role=alert]")!.TextContent.Trim());

        // A return address that leads off the site is not followed: the message comes on its own.
        var offSite = await browser.PostFormAsync(form, new() { ["ReturnUrl"] = "//elsewhere.example/phish" }, list);
        Assert.Equal(HttpStatusCode.BadRequest, offSite.StatusCode);
        Assert.Null(offSite.Headers.Location);

        // A return address with characters a Location header cannot carry (Kestrel refused the raw é with a 500) goes back encoded.
        var accented = await browser.PostFormAsync(form, new() { ["ReturnUrl"] = $"/documents/{scenario.ClientId}?q=été 2025" }, list);
        Assert.Equal(HttpStatusCode.Redirect, accented.StatusCode);
        Assert.Equal($"/documents/{scenario.ClientId}?q=%C3%A9t%C3%A9%202025", accented.Headers.Location!.OriginalString);
    }

    private static async Task<byte[]> HashAsync(ZipArchiveEntry entry)
    {
        await using var stream = await entry.OpenAsync();
        return await SHA256.HashDataAsync(stream);
    }

    private static async Task<string> BlobFileAsync(DocumentsScenario scenario, Guid versionId, string[] files)
    {
        var key = await scenario.App.InPracticeAsync(scenario.Practice, sp => sp.GetRequiredService<DocumentsDbContext>().Versions.Where(v => v.Id == versionId).Select(v => v.BlobKey).SingleAsync());
        return files.Single(f => f.Contains(key, StringComparison.Ordinal));
    }
}
