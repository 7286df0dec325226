using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Contracts;
using Portal.Core.Data;
using Portal.Core.Settings;
using Portal.Core.Tenancy;
using Portal.Core.Theming;
using Portal.Identity.Models;
using Portal.Tests.Documents;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Customize;

/// <summary>
/// The getting-started assistant: offered to a new practice's administrator where sign-in lands them,
/// each step done from the practice's real state, skipping and hiding kept for the practice, and
/// nothing of it for staff who do not manage settings.
/// </summary>
public sealed class GettingStartedTests(SharedApps apps) : IClassFixture<SharedApps>
{
    private const string PagePath = "admin/getting-started";

    [Theory, BothDatabases]
    public async Task A_new_administrator_is_offered_the_assistant_where_sign_in_lands_and_each_step_follows_the_practices_real_state(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var practice = await app.CreatePracticeAsync();
        var admin = await app.AddAdministratorAsync(practice);

        // Signing in lands on the dashboard, which offers the assistant with every step still to do.
        var browser = app.ClientFor(practice);
        var signedIn = await browser.SubmitFormAsync("account/signin", new() { ["Email"] = admin.Email!, ["Password"] = Practices.StaffPassword });
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var landing = await browser.GetDocumentAsync(signedIn.Headers.Location!.OriginalString);
        var offer = landing.QuerySelector("[data-testid=getting-started-left]");
        Assert.NotNull(offer);
        Assert.Equal(["Address", "Logo", "Colors", "Company", "FirstPortal"], offer.QuerySelectorAll("[data-step]").Select(e => e.GetAttribute("data-step")!));

        var page = await browser.GetDocumentAsync(PagePath);
        Assert.All(Steps(page), step => Assert.Equal("ToDo", step.Value));
        var address = app.Get<TenantUrls>().BaseUrl(practice);
        Assert.Equal(address, page.QuerySelector("[data-testid=portal-address]")!.TextContent.Trim());
        Assert.Contains("cannot be changed", page.QuerySelector("[data-step=Address]")!.TextContent, StringComparison.Ordinal);

        // The real state moves the steps: a logo, colors, contact details, a client in a portal.
        await app.InPracticeAsync(practice, async sp =>
        {
            var store = sp.GetRequiredService<SiteSettingsStore>();
            var branding = await store.GetAsync<BrandingSettings>();
            await sp.GetRequiredService<BrandingLogo>().ReplaceAsync(branding, [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A], "image/png", default);
            return 0;
        });
        Assert.Equal("Done", Steps(await browser.GetDocumentAsync(PagePath))["Logo"]);
        Assert.Equal("ToDo", Steps(await browser.GetDocumentAsync(PagePath))["Colors"]);

        await app.InPracticeAsync(practice, async sp =>
        {
            var store = sp.GetRequiredService<SiteSettingsStore>();
            await store.SaveAsync(await store.GetAsync<BrandingSettings>() with { PrimaryColor = "#123456" });
            await store.SaveAsync(await store.GetAsync<SiteSettings>() with { ContactPhone = "+1 416 555 0100" });
            return 0;
        });
        var client = await app.AddClientAsync(practice);
        await app.InPracticeAsync(practice, sp => ClientsFixtures.CreateClientInPortalAsync(sp, "Harbour Bakery Ltd", [(client.Id, ClientAccessLevel.Full)]));
        var confirmed = await browser.SubmitFormAsync(PagePath, [], "form[action*='handler=ConfirmAddress']");
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);

        page = await browser.GetDocumentAsync(PagePath);
        Assert.All(Steps(page), step => Assert.Equal("Done", step.Value));
        Assert.Contains("5 of 5 done", page.QuerySelector("[data-testid=getting-started-count]")!.TextContent, StringComparison.Ordinal);

        // Everything done: the dashboard no longer offers it.
        Assert.Null((await browser.GetDocumentAsync("admin")).QuerySelector("[data-testid=getting-started-left]"));
    }

    [Theory, BothDatabases]
    public async Task Skipping_and_hiding_are_kept_for_the_practice_and_the_assistant_can_be_resumed(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var practice = await app.CreatePracticeAsync();
        var admin = await app.SignedInClientAsync(practice, await app.AddAdministratorAsync(practice));
        var otherAdmin = await app.SignedInClientAsync(practice, await app.AddAdministratorAsync(practice));

        var skipped = await admin.SubmitFormAsync(PagePath, [], "[data-step=Logo] form[action*='handler=Skip']");
        Assert.Equal(HttpStatusCode.Redirect, skipped.StatusCode);
        Assert.Equal("Skipped", Steps(await otherAdmin.GetDocumentAsync(PagePath))["Logo"]);
        var left = (await otherAdmin.GetDocumentAsync("admin")).QuerySelector("[data-testid=getting-started-left]")!;
        Assert.DoesNotContain("Logo", left.QuerySelectorAll("[data-step]").Select(e => e.GetAttribute("data-step")));
        Assert.Contains("Colors", left.QuerySelectorAll("[data-step]").Select(e => e.GetAttribute("data-step")));

        // A forged step name changes nothing and says so.
        var token = await admin.AntiforgeryTokenAsync(PagePath);
        var forged = await admin.PostAsync($"{PagePath}?handler=Skip", new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("step", "Everything")]));
        Assert.Equal(HttpStatusCode.Redirect, forged.StatusCode);
        var afterForged = await admin.GetDocumentAsync(PagePath);
        Assert.Contains("nothing was changed", afterForged.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(1, Steps(afterForged).Count(s => s.Value == "Skipped"));

        await admin.SubmitFormAsync(PagePath, [], "[data-step=Logo] form[action*='handler=Unskip']");
        Assert.Equal("ToDo", Steps(await admin.GetDocumentAsync(PagePath))["Logo"]);

        var dismissed = await admin.SubmitFormAsync(PagePath, [], "form[action*='handler=Dismiss']");
        Assert.Equal(HttpStatusCode.Redirect, dismissed.StatusCode);
        Assert.Null((await otherAdmin.GetDocumentAsync("admin")).QuerySelector("[data-testid=getting-started-left]"));
        Assert.Null((await admin.GetDocumentAsync("admin")).QuerySelector("[data-testid=getting-started-left]"));

        // Still there to resume from the menu.
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(PagePath)).StatusCode);
        await otherAdmin.SubmitFormAsync(PagePath, [], "form[action*='handler=Resume']");
        Assert.NotNull((await admin.GetDocumentAsync("admin")).QuerySelector("[data-testid=getting-started-left]"));
    }

    [Theory, BothDatabases]
    public async Task Staff_who_do_not_manage_settings_neither_see_nor_open_the_assistant(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var practice = await app.CreatePracticeAsync();
        var staff = await app.SignedInClientAsync(practice, await app.AddStaffAsync(practice));
        var bare = await app.SignedInClientAsync(practice, await app.AddUserAsync(practice, $"norole-{Guid.NewGuid():N}@example.com", UserKind.Staff, []));
        var admin = await app.SignedInClientAsync(practice, await app.AddAdministratorAsync(practice));

        Assert.NotNull((await admin.GetDocumentAsync("admin")).QuerySelector("[data-testid=getting-started-left]"));
        Assert.Null((await staff.GetDocumentAsync("admin")).QuerySelector("[data-testid=getting-started-left]"));
        foreach (var browser in new[] { staff, bare })
        {
            var response = await browser.GetAsync(PagePath);
            Assert.True(Denied(response), $"staff without Settings.Manage opened the assistant: {(int)response.StatusCode}");
        }

        // Nor hide it for the practice with a forged post.
        var token = await staff.AntiforgeryTokenAsync("account");
        var dismiss = await staff.PostAsync($"{PagePath}?handler=Dismiss", new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));
        Assert.True(Denied(dismiss), $"staff without Settings.Manage hid the assistant: {(int)dismiss.StatusCode}");
        Assert.NotNull((await admin.GetDocumentAsync("admin")).QuerySelector("[data-testid=getting-started-left]"));
    }

    private static bool Denied(HttpResponseMessage response)
        => response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound
            || (response.StatusCode == HttpStatusCode.Redirect && (response.Headers.Location?.OriginalString ?? "").Contains("access-denied", StringComparison.Ordinal));

    /// <summary>Each step's state on the assistant's page, by step name.</summary>
    private static Dictionary<string, string> Steps(IHtmlDocument page)
        => page.QuerySelectorAll("[data-testid=step]").ToDictionary(e => e.GetAttribute("data-step")!, e => e.GetAttribute("data-state")!);
}
