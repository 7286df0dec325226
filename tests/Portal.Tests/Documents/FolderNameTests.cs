using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Data;
using Portal.Documents.Data;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Documents;

/// <summary>
/// A folder is named by the person making it: a name that is empty, blank or has nothing usable in
/// it is refused at the field (it used to become a folder called "file", which the client saw too),
/// the form comes back as it was typed, and no folder is made or renamed.
/// </summary>
public sealed class FolderNameTests(SharedApps apps) : IClassFixture<SharedApps>
{
    private const string CreateForm = "form[action*='handler=CreateFolder']";
    private const string RenameForm = "form[action*='handler=UpdateFolder']";

    [Theory, BothDatabases]
    public async Task A_new_folder_without_a_usable_name_is_refused_at_the_field_as_typed(DatabaseProvider provider)
    {
        var scenario = await DocumentsScenario.CreateAsync(await apps.For(provider));
        var staff = await scenario.App.SignedInClientAsync(scenario.Practice, scenario.Staff);
        var list = $"admin/documents/clients/{scenario.ClientId}";
        Assert.Equal(HttpStatusCode.Redirect, (await staff.SubmitFormAsync(list, new() { ["name"] = "2025 Tax return" }, CreateForm)).StatusCode);
        var parent = await FolderIdAsync(scenario, "2025 Tax return");

        // A blank name comes back empty (there is nothing to keep); anything else comes back as typed.
        foreach (var (typed, shownAgain, message) in new[]
        {
            ("", "", "Type a name for the folder."),
            ("   ", "", "Type a name for the folder."),
            ("...", "...", "\"...\" cannot be a folder name: use letters or digits."),
            (" / ", " / ", "\"/\" cannot be a folder name: use letters or digits."),
        })
        {
            var response = await staff.SubmitFormAsync(list, new() { ["name"] = typed, ["parentId"] = parent.ToString(), ["clientCanUpload"] = "true" }, CreateForm);

            Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
            var page = HtmlForms.Parse(await response.Content.ReadAsStringAsync());
            var field = page.QuerySelector<IHtmlInputElement>("#folder-name")!;
            Assert.Equal(message, page.QuerySelector("#folder-name-error")!.TextContent);
            Assert.Equal("true", field.GetAttribute("aria-invalid"));
            Assert.Equal(shownAgain, field.Value);
            Assert.Equal(parent.ToString(), page.QuerySelector<IHtmlSelectElement>("#folder-parent")!.Value);
            Assert.True(page.QuerySelector<IHtmlInputElement>($"{CreateForm} input[name=clientCanUpload]")!.IsChecked);

            // The document list below, refreshed by the uploader, is the list, not the form just posted.
            Assert.EndsWith($"/{list}", page.QuerySelector("[data-document-table]")!.GetAttribute("data-list-url"), StringComparison.Ordinal);
        }

        Assert.Equal(new[] { "2025 Tax return" }, await FolderNamesAsync(scenario));
        var client = await scenario.App.SignedInClientAsync(scenario.Practice, scenario.ClientUser);
        var folders = (await client.GetDocumentAsync($"documents/{scenario.ClientId}")).QuerySelector("nav[aria-label=Folders]")!.TextContent;
        Assert.DoesNotContain("file", folders, StringComparison.Ordinal);
    }

    [Theory, BothDatabases]
    public async Task A_name_already_used_beside_it_is_refused_at_the_field_as_typed(DatabaseProvider provider)
    {
        var scenario = await DocumentsScenario.CreateAsync(await apps.For(provider));
        var staff = await scenario.App.SignedInClientAsync(scenario.Practice, scenario.Staff);
        var list = $"admin/documents/clients/{scenario.ClientId}";
        await staff.SubmitFormAsync(list, new() { ["name"] = "Prior years" }, CreateForm);

        var response = await staff.SubmitFormAsync(list, new() { ["name"] = "prior YEARS" }, CreateForm);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = HtmlForms.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("There is already a folder called \"prior YEARS\" here.", page.QuerySelector("#folder-name-error")!.TextContent);
        Assert.Equal("prior YEARS", page.QuerySelector<IHtmlInputElement>("#folder-name")!.Value);
        Assert.Equal(new[] { "Prior years" }, await FolderNamesAsync(scenario));
    }

    [Theory, BothDatabases]
    public async Task Renaming_a_folder_to_nothing_is_refused_at_the_field_and_keeps_its_name(DatabaseProvider provider)
    {
        var scenario = await DocumentsScenario.CreateAsync(await apps.For(provider));
        var staff = await scenario.App.SignedInClientAsync(scenario.Practice, scenario.Staff);
        await staff.SubmitFormAsync($"admin/documents/clients/{scenario.ClientId}", new() { ["name"] = "Receipts", ["clientCanUpload"] = "true" }, CreateForm);
        var folder = $"admin/documents/clients/{scenario.ClientId}?folder={await FolderIdAsync(scenario, "Receipts")}";

        var response = await staff.SubmitFormAsync(folder, new() { ["name"] = "" }, RenameForm);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = HtmlForms.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Type a name for the folder.", page.QuerySelector("#rename-error")!.TextContent);
        Assert.Equal("", page.QuerySelector<IHtmlInputElement>("#rename")!.Value);
        Assert.Equal("true", page.QuerySelector<IHtmlInputElement>("#rename")!.GetAttribute("aria-invalid"));
        Assert.Equal(new[] { "Receipts" }, await FolderNamesAsync(scenario));
    }

    private static Task<Guid> FolderIdAsync(DocumentsScenario scenario, string name)
        => scenario.App.InPracticeAsync(scenario.Practice, sp => sp.GetRequiredService<DocumentsDbContext>().Folders
            .Where(f => f.ClientId == scenario.ClientId && f.Name == name).Select(f => f.Id).SingleAsync());

    private static Task<List<string>> FolderNamesAsync(DocumentsScenario scenario)
        => scenario.App.InPracticeAsync(scenario.Practice, sp => sp.GetRequiredService<DocumentsDbContext>().Folders
            .Where(f => f.ClientId == scenario.ClientId && f.DeletedAt == null).OrderBy(f => f.Name).Select(f => f.Name).ToListAsync());
}
