using Portal.Core.Data;
using Portal.Documents.Models;
using Portal.Documents.Services;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Documents;

/// <summary>Folders are listed as the tree they form (they were listed flat, a subfolder looking like any other).</summary>
public sealed class FolderTreeTests(SharedApps apps) : IClassFixture<SharedApps>
{
    [Fact]
    public void Each_folder_stands_under_its_parent_in_name_order()
    {
        var tax = Folder("2025 Tax return");
        var slips = Folder("Slips and receipts", tax);
        var letters = Folder("Letters", tax);
        var prior = Folder("prior years");
        var older = Folder("2019", prior);

        var tree = FolderTree.Of([slips, prior, older, tax, letters]);

        Assert.Equal(new[] { "2025 Tax return", "prior years" }, tree.Roots.Select(n => n.Folder.Name));
        Assert.Equal(
            new[] { "2025 Tax return", "2025 Tax return / Letters", "2025 Tax return / Slips and receipts", "prior years", "prior years / 2019" },
            tree.TopToBottom().Select(n => n.Path));
        Assert.Equal(new[] { 0, 1, 1, 0, 1 }, tree.TopToBottom().Select(n => n.Depth));
    }

    [Fact]
    public void A_folder_whose_parent_is_not_shown_stands_at_the_top()
    {
        var hidden = Folder("Internal");
        var shared = Folder("Statements", hidden);
        var month = Folder("September", shared);

        var tree = FolderTree.Of([month, shared]);

        Assert.Equal(new[] { "Statements" }, tree.Roots.Select(n => n.Folder.Name));
        Assert.Equal(new[] { "Statements", "Statements / September" }, tree.TopToBottom().Select(n => n.Path));
    }

    [Theory, BothDatabases]
    public async Task The_client_sees_a_subfolder_inside_its_parent_and_the_uploader_names_its_path(DatabaseProvider provider)
    {
        var scenario = await DocumentsScenario.CreateAsync(await apps.For(provider));
        var staff = await scenario.App.SignedInClientAsync(scenario.Practice, scenario.Staff);
        var list = $"admin/documents/clients/{scenario.ClientId}";
        const string create = "form[action*='handler=CreateFolder']";
        await staff.SubmitFormAsync(list, new() { ["name"] = "2025 Tax return", ["clientCanUpload"] = "true" }, create);
        var parent = (await staff.GetDocumentAsync(list)).QuerySelectorAll("#folder-parent option").Single(o => o.TextContent == "2025 Tax return").GetAttribute("value")!;
        await staff.SubmitFormAsync(list, new() { ["name"] = "Slips and receipts", ["parentId"] = parent, ["clientCanUpload"] = "true" }, create);
        await staff.SubmitFormAsync(list, new() { ["name"] = "Prior years" }, create);

        var client = await scenario.App.SignedInClientAsync(scenario.Practice, scenario.ClientUser);
        var page = await client.GetDocumentAsync($"documents/{scenario.ClientId}");

        var top = page.QuerySelectorAll("nav[aria-label=Folders] > ul.folder-tree:not(.folder-views) > li").ToList();
        Assert.Equal(new[] { "2025 Tax return", "Prior years" }, top.Select(li => li.QuerySelector("a")!.TextContent));
        Assert.Equal(new[] { "Slips and receipts" }, top[0].QuerySelector("ul")!.Children.Select(li => li.QuerySelector("a")!.TextContent));
        Assert.Empty(top[1].QuerySelectorAll("ul"));
        Assert.Equal(
            new[] { "Documents (no folder)", "2025 Tax return", "2025 Tax return / Slips and receipts" },
            page.QuerySelectorAll("#upload-folder option").Select(o => o.TextContent));
    }

    private static Folder Folder(string name, Folder? parent = null)
        => new() { Id = Guid.CreateVersion7(), ClientId = Guid.Empty, ParentId = parent?.Id, Name = name };
}
