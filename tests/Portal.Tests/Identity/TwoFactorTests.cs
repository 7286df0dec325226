using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Data;
using Portal.Core.Settings;
using Portal.Identity.Models;
using Portal.Identity.Services;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Identity;

/// <summary>Authenticator-app sign-in: enrolment by QR/key, codes single-use within +-30 s, recovery codes once.</summary>
public sealed class TwoFactorTests
{
    [Theory, BothDatabases]
    public async Task A_user_enrols_and_then_needs_a_fresh_code_to_sign_in(DatabaseProvider provider)
    {
        await using var app = await PortalApplication.StartAsync(provider);
        FreezeMidStep(app);
        var practice = await app.CreatePracticeAsync();
        var user = await app.AddStaffAsync(practice);
        var browser = await app.SignedInClientAsync(practice, user);

        var (secret, recoveryCodes) = await EnrolAsync(app, browser);
        Assert.Equal(10, recoveryCodes.Count);
        Assert.True(await app.InPracticeAsync(practice, async sp => (await sp.GetRequiredService<UserManager<PortalUser>>().FindByIdAsync(user.Id.ToString()))!.TwoFactorEnabled));

        // Password alone is not enough any more.
        var signIn = app.ClientFor(practice);
        var first = await signIn.SubmitFormAsync("account/signin", new() { ["Email"] = user.Email!, ["Password"] = Practices.StaffPassword });
        Assert.Equal("/account/signin/code", first.Headers.Location!.OriginalString.Split('?')[0]);
        Assert.Equal(HttpStatusCode.Redirect, (await signIn.GetAsync("admin")).StatusCode);

        // The enrolment used the current step: replaying that code is refused, the next step's code works.
        var step = Step(app);
        var replay = await signIn.SubmitFormAsync("account/signin/code", new() { ["Code"] = TotpAuthenticator.Code(secret, step) });
        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        Assert.Contains("has been used already", await replay.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var next = await signIn.SubmitFormAsync("account/signin/code", new() { ["Code"] = TotpAuthenticator.Code(secret, step + 1) });
        Assert.Equal(HttpStatusCode.Redirect, next.StatusCode);
        Assert.Equal("/admin", next.Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.OK, (await signIn.GetAsync("admin")).StatusCode);
    }

    [Theory, BothDatabases]
    public async Task Opening_the_set_up_page_ends_no_session_and_enrolling_ends_only_the_others(DatabaseProvider provider)
    {
        await using var app = await PortalApplication.StartAsync(provider);
        FreezeMidStep(app);
        var practice = await app.CreatePracticeAsync();
        var user = await app.AddStaffAsync(practice);
        var onPage = await app.SignedInClientAsync(practice, user);
        var elsewhere = await app.SignedInClientAsync(practice, user);
        var stamp = await StampAsync(app, practice, user);

        // Looking at the page (twice, as a slow reader reloading it would) writes nothing ...
        var first = await onPage.GetDocumentAsync("account/two-factor");
        await onPage.GetDocumentAsync("account/two-factor");
        Assert.Equal(stamp, await StampAsync(app, practice, user));

        // ... so both sessions outlive the security-stamp check, which runs every minute.
        app.Clock.Advance(TimeSpan.FromMinutes(3));
        Assert.Equal(HttpStatusCode.OK, (await onPage.GetAsync("admin")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await elsewhere.GetAsync("admin")).StatusCode);

        // The code the user scanned from the first page they opened still enrols them.
        var secret = Base32.Decode(first.QuerySelector("[data-testid=shared-key]")!.TextContent);
        var form = (IHtmlFormElement)first.QuerySelector("form[action*='handler=Enable']")!;
        var enabled = await onPage.PostFormAsync(form, new() { ["Code"] = TotpAuthenticator.Code(secret, Step(app)) }, "account/two-factor");
        Assert.Equal(HttpStatusCode.OK, enabled.StatusCode);
        Assert.Contains("Two-factor sign-in is on.", await enabled.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.NotEqual(stamp, await StampAsync(app, practice, user));

        // Enrolling ends the other sessions at once, not this one.
        Assert.Equal(HttpStatusCode.OK, (await onPage.GetAsync("admin")).StatusCode);
        var ended = await elsewhere.GetAsync("admin");
        Assert.Equal(HttpStatusCode.Redirect, ended.StatusCode);
        Assert.Contains("/account/signin", ended.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_set_up_page_sealed_for_another_user_does_not_enrol()
    {
        await using var app = await PortalApplication.StartAsync(DatabaseProvider.Sqlite);
        FreezeMidStep(app);
        var practice = await app.CreatePracticeAsync();
        var victim = await app.SignedInClientAsync(practice, await app.AddStaffAsync(practice));
        var attacker = await app.SignedInClientAsync(practice, await app.AddStaffAsync(practice));
        var page = await attacker.GetDocumentAsync("account/two-factor");
        var secret = Base32.Decode(page.QuerySelector("[data-testid=shared-key]")!.TextContent);
        var sealedKey = page.QuerySelector("input[name=SealedKey]")!.GetAttribute("value")!;

        var form = (IHtmlFormElement)(await victim.GetDocumentAsync("account/two-factor")).QuerySelector("form[action*='handler=Enable']")!;
        var refused = await victim.PostFormAsync(form, new() { ["SealedKey"] = sealedKey, ["Code"] = TotpAuthenticator.Code(secret, Step(app)) }, "account/two-factor");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("open too long", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Codes_more_than_30_seconds_away_are_refused()
    {
        await using var app = await PortalApplication.StartAsync(DatabaseProvider.Sqlite);
        FreezeMidStep(app);
        var practice = await app.CreatePracticeAsync();
        var user = await app.AddStaffAsync(practice);
        var (secret, _) = await EnrolAsync(app, await app.SignedInClientAsync(practice, user));
        app.Clock.Advance(TimeSpan.FromMinutes(5));
        var step = Step(app);

        foreach (var far in new[] { step - 2, step + 2, step - 10 })
        {
            var browser = app.ClientFor(practice);
            await browser.SubmitFormAsync("account/signin", new() { ["Email"] = user.Email!, ["Password"] = Practices.StaffPassword });
            var refused = await browser.SubmitFormAsync("account/signin/code", new() { ["Code"] = TotpAuthenticator.Code(secret, far) });
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        }

        var near = app.ClientFor(practice);
        await near.SubmitFormAsync("account/signin", new() { ["Email"] = user.Email!, ["Password"] = Practices.StaffPassword });
        Assert.Equal(HttpStatusCode.Redirect, (await near.SubmitFormAsync("account/signin/code", new() { ["Code"] = TotpAuthenticator.Code(secret, step - 1) })).StatusCode);
    }

    [Theory, BothDatabases]
    public async Task A_recovery_code_works_once(DatabaseProvider provider)
    {
        await using var app = await PortalApplication.StartAsync(provider);
        var practice = await app.CreatePracticeAsync();
        var user = await app.AddClientAsync(practice);
        var (_, codes) = await EnrolAsync(app, await app.SignedInClientAsync(practice, user));

        var once = app.ClientFor(practice);
        await once.SubmitFormAsync("account/signin", new() { ["Email"] = user.Email!, ["Password"] = Practices.ClientPassword });
        var used = await once.SubmitFormAsync("account/signin/recovery", new() { ["Code"] = codes[3].ToUpperInvariant() });
        Assert.Equal(HttpStatusCode.Redirect, used.StatusCode);
        Assert.Equal("/", used.Headers.Location!.ToString());

        var twice = app.ClientFor(practice);
        await twice.SubmitFormAsync("account/signin", new() { ["Email"] = user.Email!, ["Password"] = Practices.ClientPassword });
        var again = await twice.SubmitFormAsync("account/signin/recovery", new() { ["Code"] = codes[3] });
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("has been used already", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        Assert.Equal(9, await app.InPracticeAsync(practice, sp => sp.GetRequiredService<RecoveryCodes>().RemainingAsync(user.Id)));
        var stored = await app.InPracticeAsync(practice, sp => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
            sp.GetRequiredService<Portal.Identity.Data.UsersDbContext>().RecoveryCodes.Select(c => c.CodeHash)));
        Assert.All(stored, hash => Assert.DoesNotContain(codes[0].Replace("-", "", StringComparison.Ordinal), hash, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task A_practice_can_require_two_factor_sign_in_for_staff()
    {
        await using var app = await PortalApplication.StartAsync(DatabaseProvider.Sqlite);
        var practice = await app.CreatePracticeAsync();
        var admin = await app.AddAdministratorAsync(practice);
        var adminBrowser = await app.SignedInClientAsync(practice, admin);
        var saved = await adminBrowser.SubmitFormAsync("admin/security", new() { ["RequireTwoFactorForStaff"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.True((await app.InPracticeAsync(practice, sp => sp.GetRequiredService<SiteSettingsStore>().GetAsync<SecuritySettings>())).RequireTwoFactorForStaff);

        var staff = await app.AddStaffAsync(practice);
        var staffBrowser = app.ClientFor(practice);
        var signIn = await staffBrowser.SubmitFormAsync("account/signin", new() { ["Email"] = staff.Email!, ["Password"] = Practices.StaffPassword });
        Assert.Equal("/account/two-factor?required=true", signIn.Headers.Location!.ToString());
        var admin403 = await staffBrowser.GetAsync("admin");
        Assert.Equal("/account/two-factor?required=true", admin403.Headers.Location!.ToString());

        await EnrolAsync(app, staffBrowser);
        Assert.Equal(HttpStatusCode.OK, (await staffBrowser.GetAsync("admin")).StatusCode);
    }

    /// <summary>TOTP steps are 30 s; the tests must not depend on where in a step the wall clock happens to be.</summary>
    private static void FreezeMidStep(PortalApplication app)
    {
        var now = DateTimeOffset.UtcNow;
        app.Clock.Freeze(DateTimeOffset.FromUnixTimeSeconds((now.ToUnixTimeSeconds() / 30 * 30) + 15));
    }

    private static Task<string?> StampAsync(PortalApplication app, Portal.Core.Tenancy.TenantDescriptor practice, PortalUser user)
        => app.InPracticeAsync(practice, async sp => (await sp.GetRequiredService<UserManager<PortalUser>>().FindByIdAsync(user.Id.ToString()))!.SecurityStamp);

    private static long Step(PortalApplication app) => app.Clock.GetUtcNow().ToUnixTimeSeconds() / 30;

    private static async Task<(byte[] Secret, IReadOnlyList<string> RecoveryCodes)> EnrolAsync(PortalApplication app, HttpClient browser)
    {
        var page = await browser.GetDocumentAsync("account/two-factor");
        var key = page.QuerySelector("[data-testid=shared-key]")!.TextContent;
        Assert.StartsWith("data:image/png;base64,", page.QuerySelector(".qr img")!.GetAttribute("src"), StringComparison.Ordinal);
        var secret = Base32.Decode(key);
        var form = (IHtmlFormElement)page.QuerySelector("form[action*='handler=Enable']")!;
        var enabled = await browser.PostFormAsync(form, new() { ["Code"] = TotpAuthenticator.Code(secret, Step(app)) }, "account/two-factor");
        Assert.Equal(HttpStatusCode.OK, enabled.StatusCode);
        var codes = HtmlForms.Parse(await enabled.Content.ReadAsStringAsync()).QuerySelectorAll("[data-testid=recovery-codes] code").Select(c => c.TextContent).ToList();
        return (secret, codes);
    }
}
