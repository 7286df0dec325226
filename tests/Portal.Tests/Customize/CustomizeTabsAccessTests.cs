using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Data;
using Portal.Core.Modules;
using Portal.Core.Tenancy;
using Portal.Identity.Models;
using Portal.Identity.Services;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Customize;

/// <summary>
/// The Customize tabs show only the pages the staff member may open: Contact reasons is Messages' page and
/// needs its permission (Messages.ManageReasons), the other tabs need the settings permission. Someone with
/// one of the two sees only its tabs and is refused (403) the others' pages, as the access matrix has them.
/// </summary>
public sealed class CustomizeTabsAccessTests(SharedApps apps) : IClassFixture<SharedApps>
{
    private static readonly string[] SettingsTabs = ["Look", "Company", "Switches", "Login widget", "E-mail"];

    private static readonly string[] SettingsPages = ["admin/customize", "admin/customize/company", "admin/customize/switches", "admin/customize/widget", "admin/customize/email"];

    private const string ReasonsPage = "admin/messages/reasons";

    [Theory, BothDatabases]
    public async Task Staff_who_may_change_settings_but_not_the_reasons_see_no_reasons_tab_and_are_refused_its_page(DatabaseProvider provider)
    {
        var (app, practice) = await PracticeAsync(provider);
        var browser = await StaffWithAsync(app, practice, "Settings only", Portal.Admin.Permissions.ManageSettingsName);

        foreach (var page in SettingsPages)
        {
            var document = await browser.GetDocumentAsync(page);
            Assert.Equal(SettingsTabs, Tabs(document));
            Assert.DoesNotContain(document.QuerySelectorAll("a"), a => (a.GetAttribute("href") ?? "").EndsWith("/" + ReasonsPage, StringComparison.Ordinal));
        }

        Assert.Equal(HttpStatusCode.Forbidden, await StatusOfAsync(browser, ReasonsPage));
    }

    [Theory, BothDatabases]
    public async Task Staff_who_may_edit_the_reasons_but_not_settings_open_the_reasons_without_tabs_to_pages_they_cannot_open(DatabaseProvider provider)
    {
        var (app, practice) = await PracticeAsync(provider);
        var browser = await StaffWithAsync(app, practice, "Reasons only", Portal.Messages.Permissions.ManageReasonsName);

        var reasons = await browser.GetDocumentAsync(ReasonsPage);
        Assert.Equal("Contact reasons", reasons.QuerySelector("h1")!.TextContent.Trim());
        Assert.Empty(Tabs(reasons));
        foreach (var page in SettingsPages)
        {
            Assert.DoesNotContain(reasons.QuerySelectorAll("a"), a => (a.GetAttribute("href") ?? "").EndsWith("/" + page, StringComparison.Ordinal));
            Assert.Equal(HttpStatusCode.Forbidden, await StatusOfAsync(browser, page));
        }
    }

    [Theory, BothDatabases]
    public async Task The_administrator_sees_every_tab_and_each_opens(DatabaseProvider provider)
    {
        var (app, practice) = await PracticeAsync(provider);
        var browser = await app.SignedInClientAsync(practice, await app.AddAdministratorAsync(practice));

        var document = await browser.GetDocumentAsync("admin/customize");
        Assert.Equal(["Look", "Company", "Contact reasons", "Switches", "Login widget", "E-mail"], Tabs(document));
        foreach (var link in document.QuerySelectorAll("[data-testid=customize-tabs] a"))
        {
            Assert.Equal(HttpStatusCode.OK, await StatusOfAsync(browser, link.GetAttribute("href")!.TrimStart('/')));
        }

        // Messages off: its tab goes with it.
        await app.InPracticeAsync(practice, sp => sp.GetRequiredService<TenantFeatures>().DisableAsync("Portal.Messages", default));
        Assert.Equal(SettingsTabs, Tabs(await browser.GetDocumentAsync("admin/customize")));
    }

    private static List<string> Tabs(AngleSharp.Dom.IDocument document)
        => document.QuerySelectorAll("[data-testid=customize-tabs] a").Select(a => a.TextContent.Trim()).ToList();

    /// <summary>The status a browser ends on: a refused page redirects to the access-denied page, which answers 403.</summary>
    private static async Task<HttpStatusCode> StatusOfAsync(HttpClient browser, string path)
    {
        using var response = await browser.GetAsync(path);
        if (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.OriginalString.Contains("/account/access-denied", StringComparison.Ordinal))
        {
            using var denied = await browser.GetAsync(HtmlForms.Relative(response.Headers.Location.OriginalString));
            return denied.StatusCode;
        }

        return response.StatusCode;
    }

    private async Task<(PortalApplication App, TenantDescriptor Practice)> PracticeAsync(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var practice = await app.CreatePracticeAsync();
        await app.InPracticeAsync(practice, sp => sp.GetRequiredService<TenantFeatures>().EnableAsync(["Portal.Messages"], default));
        return (app, app.Get<TenantRegistry>().Find(practice.Name)!);
    }

    private static async Task<HttpClient> StaffWithAsync(PortalApplication app, TenantDescriptor practice, string roleName, string permission)
    {
        var role = await app.InPracticeAsync(practice, async sp =>
        {
            var roles = sp.GetRequiredService<RoleAdministration>();
            var (created, error) = await roles.CreateAsync(roleName, null);
            Assert.Null(error);
            Assert.Null(await roles.SetPermissionsAsync(created!, [Portal.Admin.Permissions.AccessAdminName, permission]));
            return created!.Name!;
        });
        var member = await app.AddUserAsync(practice, $"staff-{Guid.NewGuid():N}@x.example", UserKind.Staff, [role]);
        return await app.SignedInClientAsync(practice, member);
    }
}
