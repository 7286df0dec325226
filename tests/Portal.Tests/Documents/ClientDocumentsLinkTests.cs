using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Data;
using Portal.Identity.Models;
using Portal.Identity.Services;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Documents;

/// <summary>The client's admin page leads to the client's documents, for staff who may open them.</summary>
public sealed class ClientDocumentsLinkTests(SharedApps apps) : IClassFixture<SharedApps>
{
    [Theory, BothDatabases]
    public async Task Staff_with_documents_see_the_link_and_its_new_file_count_others_do_not(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var scenario = await DocumentsScenario.CreateAsync(app);
        var page = $"admin/clients/{scenario.ClientId}";

        var staff = await app.SignedInClientAsync(scenario.Practice, scenario.Staff);
        var links = (await staff.GetDocumentAsync(page)).QuerySelector("[data-testid=client-links]");
        Assert.NotNull(links);
        var documents = links.QuerySelectorAll("a").Single(a => a.TextContent.Trim() == "Documents");
        Assert.EndsWith($"/admin/documents/clients/{scenario.ClientId}", documents.GetAttribute("href"), StringComparison.Ordinal);
        Assert.DoesNotContain("new file", links.TextContent, StringComparison.Ordinal);

        // A client uploads: the link says so.
        var client = new TusClient(await app.SignedInClientAsync(scenario.Practice, scenario.ClientUser));
        await client.UploadAsync(DocumentsScenario.Pdf(2000), "Receipt.pdf", scenario.ClientId);
        links = (await staff.GetDocumentAsync(page)).QuerySelector("[data-testid=client-links]")!;
        Assert.Contains("1 new file from the client.", links.TextContent, StringComparison.Ordinal);

        // Staff who may see clients but not documents get the page without the link.
        var role = await app.InPracticeAsync(scenario.Practice, async sp =>
        {
            var roles = sp.GetRequiredService<RoleAdministration>();
            var (created, error) = await roles.CreateAsync("Front desk", null);
            Assert.Null(error);
            Assert.Null(await roles.SetPermissionsAsync(created!, ["Admin.Access", "Clients.View"]));
            return created!.Name!;
        });
        var desk = await app.AddUserAsync(scenario.Practice, $"desk-{Guid.NewGuid():N}@x.example", UserKind.Staff, [role]);
        var deskPage = await (await app.SignedInClientAsync(scenario.Practice, desk)).GetDocumentAsync(page);
        Assert.NotNull(deskPage.QuerySelector("h1"));
        Assert.Null(deskPage.QuerySelector("[data-testid=client-links]"));
    }
}
