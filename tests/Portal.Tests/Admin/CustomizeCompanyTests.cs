using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Data;
using Portal.Core.Settings;
using Portal.Core.Tenancy;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Admin;

/// <summary>
/// Customize → Company: the practice's name and contact details, refused at their fields when wrong (a
/// website must be https) with nothing saved, then shown to anyone at the foot of the client site and on
/// its contact details page.
/// </summary>
public sealed class CustomizeCompanyTests(SharedApps apps) : IClassFixture<SharedApps>
{
    private const string Company = "admin/customize/company";

    [Theory, BothDatabases]
    public async Task Company_information_is_checked_at_its_fields_then_shown_in_the_footer_and_on_the_contact_details_page(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var practice = await app.CreatePracticeAsync();
        var admin = await app.SignedInClientAsync(practice, await app.AddAdministratorAsync(practice));
        var before = await SiteAsync(app, practice);

        foreach (var (website, email) in new[] { ("http://maple-finch.example", "office@maple-finch.example"), ("javascript:alert(1)", "office@maple-finch.example"), ("https://maple-finch.example", "not an address") })
        {
            var refused = await admin.SubmitFormAsync(Company, Values("Maple & Finch", website, email));
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            var page = HtmlForms.Parse(await refused.Content.ReadAsStringAsync());
            var error = page.QuerySelector(website.StartsWith("https://", StringComparison.Ordinal) ? "#email-error" : "#website-error")!.TextContent;
            Assert.Contains(website.StartsWith("https://", StringComparison.Ordinal) ? "e-mail address" : "https://", error, StringComparison.Ordinal);
        }

        Assert.Equal(before, await SiteAsync(app, practice));

        var saved = await admin.SubmitFormAsync(Company, Values("Maple & Finch Accounting", "https://maple-finch.example/", "office@maple-finch.example"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var site = await SiteAsync(app, practice);
        Assert.Equal(("12 Harbour Street\nSpringfield", "Mon-Fri 9:00-17:00", "https://maple-finch.example/"), (site.Address!.ReplaceLineEndings("\n"), site.Hours, site.WebsiteUrl));
        Assert.Equal("Maple & Finch Accounting", app.Get<TenantRegistry>().Find(practice.Name)!.DisplayName);

        var anonymous = app.ClientFor(practice);
        var footer = (await anonymous.GetDocumentAsync("")).QuerySelector("[data-testid=company-footer]")!;
        foreach (var shown in new[] { "Maple & Finch Accounting", "12 Harbour Street", "+1 555 0100", "office@maple-finch.example", "maple-finch.example", "Mon-Fri 9:00-17:00" })
        {
            Assert.Contains(shown, footer.TextContent, StringComparison.Ordinal);
        }

        Assert.Equal("https://maple-finch.example/", footer.QuerySelector("a[href^='https:']")!.GetAttribute("href"));
        var detailsLink = footer.QuerySelector("a[href$='contact-details']")!.GetAttribute("href")!;
        var details = (await anonymous.GetDocumentAsync(detailsLink.TrimStart('/')[detailsLink.TrimStart('/').IndexOf("contact-details", StringComparison.Ordinal)..])).QuerySelector("[data-testid=contact-details]")!;
        Assert.Contains("Springfield", details.TextContent, StringComparison.Ordinal);
        Assert.Contains("Mon-Fri 9:00-17:00", details.TextContent, StringComparison.Ordinal);
        Assert.Equal("tel:+15550100", details.QuerySelector("a[href^='tel:']")!.GetAttribute("href"));
    }

    private static Dictionary<string, string> Values(string name, string website, string email) => new()
    {
        ["Input.Name"] = name,
        ["Input.Address"] = "12 Harbour Street\nSpringfield",
        ["Input.Phone"] = "+1 555 0100",
        ["Input.Email"] = email,
        ["Input.Website"] = website,
        ["Input.Hours"] = "Mon-Fri 9:00-17:00",
    };

    private static Task<SiteSettings> SiteAsync(PortalApplication app, TenantDescriptor practice)
        => app.InPracticeAsync(practice, sp => sp.GetRequiredService<SiteSettingsStore>().GetAsync<SiteSettings>());
}
