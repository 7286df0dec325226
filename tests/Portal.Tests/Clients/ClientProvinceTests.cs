using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Clients.Models;
using Portal.Clients.Services;
using Portal.Core.Contracts;
using Portal.Core.Data;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Clients;

/// <summary>A client's province: set on the staff form, checked, kept by writers that do not know it, read by other modules through the directory.</summary>
public sealed class ClientProvinceTests(SharedApps apps) : IClassFixture<SharedApps>
{
    [Theory, BothDatabases]
    public async Task Staff_set_change_and_clear_the_province_and_other_modules_read_it(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var practice = await app.CreatePracticeAsync();
        var browser = await app.SignedInClientAsync(practice, await app.AddStaffAsync(practice));

        var created = await browser.SubmitFormAsync("admin/clients/new", new() { ["Input.Name"] = "Boulangerie Tremblay", ["Input.Province"] = "qc" });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var path = created.Headers.Location!.ToString().TrimStart('/');
        var clientId = Guid.Parse(path[^36..]);
        var page = await browser.GetDocumentAsync(path);

        Assert.Equal("QC", page.QuerySelector<IHtmlSelectElement>("select[name='Input.Province']")!.Value);
        Assert.Equal("QC", (await DirectoryAsync(app, practice, clientId)).Province);
        Assert.Equal("QC", (await app.InPracticeAsync(practice, sp => sp.GetRequiredService<IClientDirectory>().FindManyAsync([clientId])))[clientId].Province);

        Assert.Equal(HttpStatusCode.Redirect, (await browser.SubmitFormAsync(path, new() { ["Input.Province"] = "ON" }, "form.form")).StatusCode);
        Assert.Equal("ON", (await DirectoryAsync(app, practice, clientId)).Province);

        // A writer that does not know the province (an import row, a recipe) keeps the stored one.
        var updated = await app.InPracticeAsync(practice, sp => sp.GetRequiredService<ClientStore>().UpdateAsync(clientId, new ClientInput(ClientKind.Business, "Boulangerie Tremblay inc.", [], null, null, null, null)));
        Assert.True(updated.Succeeded);
        Assert.Equal("ON", await app.InClientsDbAsync(practice, db => db.Clients.Where(c => c.Id == clientId).Select(c => c.Province).SingleAsync()));

        Assert.Equal(HttpStatusCode.Redirect, (await browser.SubmitFormAsync(path, new() { ["Input.Province"] = "" }, "form.form")).StatusCode);
        Assert.Null(await app.InClientsDbAsync(practice, db => db.Clients.Where(c => c.Id == clientId).Select(c => c.Province).SingleAsync()));
        Assert.Null((await DirectoryAsync(app, practice, clientId)).Province);
    }

    [Theory, BothDatabases]
    public async Task A_province_not_in_the_list_is_refused_at_its_field_and_nothing_changes(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var practice = await app.CreatePracticeAsync();
        var existing = await app.AddClientRecordAsync(practice, "Jordan Lee");
        var browser = await app.SignedInClientAsync(practice, await app.AddStaffAsync(practice));

        var created = await browser.SubmitFormAsync("admin/clients/new", new() { ["Input.Name"] = "Someone", ["Input.Province"] = "XX" });
        var edited = await browser.SubmitFormAsync($"admin/clients/{existing.Id}", new() { ["Input.Province"] = "Quebec" }, "form.form");

        foreach (var response in new[] { created, edited })
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
            var page = HtmlForms.Parse(await response.Content.ReadAsStringAsync());
            Assert.Contains("Choose a province or territory from the list", page.QuerySelector("#province-error")!.TextContent, StringComparison.Ordinal);
        }

        Assert.Equal(1, await app.InClientsDbAsync(practice, db => db.Clients.CountAsync()));
        Assert.Null(await app.InClientsDbAsync(practice, db => db.Clients.Select(c => c.Province).SingleAsync()));
    }

    private static async Task<ClientSummary> DirectoryAsync(PortalApplication app, Portal.Core.Tenancy.TenantDescriptor practice, Guid clientId)
        => (await app.InPracticeAsync(practice, sp => sp.GetRequiredService<IClientDirectory>().FindAsync(clientId)))!;
}
