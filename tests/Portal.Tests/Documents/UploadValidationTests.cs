using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Data;
using Portal.Documents.Data;
using Portal.Documents.Services;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Documents;

/// <summary>Bad input is refused with a clear message, and nothing of it is kept.</summary>
public sealed class UploadValidationTests(SharedApps apps) : IClassFixture<SharedApps>
{
    [Theory]
    [InlineData("setup.exe", "is a .exe file")]
    [InlineData("invoice.pdf.exe", "is a .exe file")]
    [InlineData("page.html", "is a .html file")]
    [InlineData("logo.svg", "is a .svg file")]
    [InlineData("script.js", "is a .js file")]
    [InlineData("README", "has no file type")]
    public async Task Types_that_could_run_are_refused_by_name(string name, string message)
    {
        var scenario = await DocumentsScenario.CreateAsync(await apps.For(DatabaseProvider.Sqlite));
        var tus = new TusClient(await scenario.App.SignedInClientAsync(scenario.Practice, scenario.ClientUser));
        var response = await tus.CreateAsync(100, name, scenario.ClientId);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory, BothDatabases]
    public async Task A_renamed_executable_is_refused_by_its_content_and_nothing_is_kept(DatabaseProvider provider)
    {
        var scenario = await DocumentsScenario.CreateAsync(await apps.For(provider));
        var tus = new TusClient(await scenario.App.SignedInClientAsync(scenario.Practice, scenario.ClientUser));
        var executable = new byte[20_000];
        "MZ"u8.CopyTo(executable);

        var location = await tus.CreateLocationAsync(executable.Length, "statement.pdf", scenario.ClientId);
        var response = await tus.PatchAsync(location, 0, executable);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Contains("does not contain what its name says", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await tus.HeadAsync(location)).StatusCode);
        Assert.Equal(0, await scenario.App.InPracticeAsync(scenario.Practice, sp => sp.GetRequiredService<DocumentsDbContext>().Documents.CountAsync()));
    }

    [Theory]
    [InlineData("../../etc/passwd.pdf", "passwd.pdf")]
    [InlineData("C:\\Users\\me\\Desktop\\T4 slip.pdf", "T4 slip.pdf")]
    [InlineData("bad\u0000na\u0007me\u202e.pdf", "bad_na_me_.pdf")]
    [InlineData("what?*<>|.pdf", "what_____.pdf")]
    [InlineData("...hidden.pdf", "hidden.pdf")]
    [InlineData("trailing dots. . .pdf", "trailing dots. . .pdf")]
    public void File_names_are_cleaned(string raw, string expected) => Assert.Equal(expected, FileNames.Clean(raw));

    [Fact]
    public void Very_long_names_keep_their_extension()
    {
        var cleaned = FileNames.Clean(new string('a', 300) + ".pdf");
        Assert.Equal(FileNames.MaxLength, cleaned.Length);
        Assert.EndsWith(".pdf", cleaned, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Files_over_the_size_limit_and_over_the_quota_are_refused_with_the_numbers()
    {
        await using var app = await PortalApplication.StartAsync(DatabaseProvider.Sqlite, o => o
            .Set("Portal:Documents:MaxFileSize", "1048576")
            .Set("Portal:Documents:PracticeQuota", "1500000"));
        var scenario = await DocumentsScenario.CreateAsync(app);
        var tus = new TusClient(await app.SignedInClientAsync(scenario.Practice, scenario.Staff));

        var tooBig = await tus.CreateAsync(2_000_000, "huge.pdf", scenario.ClientId);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooBig.StatusCode);
        Assert.Contains("the portal accepts files up to 1 MB", await tooBig.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        await tus.UploadAsync(DocumentsScenario.Pdf(1_000_000), "first.pdf", scenario.ClientId);
        var overQuota = await tus.CreateAsync(900_000, "second.pdf", scenario.ClientId);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, overQuota.StatusCode);
        Assert.Contains("storage is full", await overQuota.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_empty_file_is_refused_clearly()
    {
        var scenario = await DocumentsScenario.CreateAsync(await apps.For(DatabaseProvider.Sqlite));
        var tus = new TusClient(await scenario.App.SignedInClientAsync(scenario.Practice, scenario.ClientUser));
        var response = await tus.CreateAsync(0, "empty.pdf", scenario.ClientId);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("is empty", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
