using System.Net;
using AngleSharp.Dom;
using Microsoft.Extensions.DependencyInjection;
using Portal.Clients.Models;
using Portal.Clients.Services;
using Portal.Core.Data;
using Portal.Core.Tenancy;
using Portal.Identity.Models;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Clients;

/// <summary>A client user's portal: chosen after sign-in (or automatically), remembered, and re-checked on every request.</summary>
public sealed class PortalChooserTests(LongSessionApps apps) : IClassFixture<LongSessionApps>
{
    [Theory, BothDatabases]
    public async Task A_user_with_two_portals_chooses_one_and_switches(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var practice = await app.CreatePracticeAsync();
        var (household, bakery, user) = await TwoPortalsAsync(app, practice);
        var browser = await app.SignedInClientAsync(practice, user);

        var chooser = await browser.GetDocumentAsync("portals/choose");
        Assert.Equal([bakery.Id.ToString(), household.Id.ToString()], chooser.QuerySelectorAll("[data-testid=portal-choices] [data-portal]").Select(s => s.GetAttribute("data-portal")!).ToList());
        Assert.Null(Current(chooser));
        var home = await browser.GetAsync("");
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode); // no portal chosen yet: the home page sends them to the chooser
        Assert.Equal("/portals/choose", home.Headers.Location!.ToString());

        var chose = await ChooseAsync(browser, bakery.Id);
        Assert.Equal(HttpStatusCode.Redirect, chose.StatusCode);
        Assert.Equal("/", chose.Headers.Location!.ToString());
        var cookie = chose.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(PortalChoiceCookie.Name + "=", StringComparison.Ordinal)).ToLowerInvariant();
        Assert.Contains("httponly", cookie, StringComparison.Ordinal);
        Assert.Contains("samesite=lax", cookie, StringComparison.Ordinal);
        Assert.Contains("path=/", cookie, StringComparison.Ordinal);
        Assert.DoesNotContain("secure", cookie, StringComparison.Ordinal); // plain HTTP in tests; Secure over HTTPS
        Assert.Equal(bakery.Id.ToString(), Current(await browser.GetDocumentAsync("portals/choose")));
        Assert.Contains("Harbour Bakery", await HomeCardsAsync(browser), StringComparer.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await ChooseAsync(browser, household.Id)).StatusCode);
        Assert.Equal(household.Id.ToString(), Current(await browser.GetDocumentAsync("portals/choose")));
        var dashboard = await browser.GetDocumentAsync("");
        var card = dashboard.QuerySelectorAll("a.card").Single(a => a.QuerySelector("h2")!.TextContent.Trim() == "Lee household");
        Assert.Contains("Jordan Lee, Lee Family Trust", card.TextContent, StringComparison.Ordinal);
        Assert.Contains("Full access", card.TextContent, StringComparison.Ordinal);
    }

    [Theory, BothDatabases]
    public async Task A_user_with_one_portal_is_in_it_without_choosing_and_a_user_with_none_is_told_so(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var practice = await app.CreatePracticeAsync();
        var client = await app.AddClientRecordAsync(practice, "Priya Shah");
        var portal = await app.AddPortalAsync(practice, "Shah family", client.Id);
        var user = await app.AddClientAsync(practice);
        await app.GrantAsync(practice, portal.Id, user, PortalAccess.Contributor);
        var browser = await app.SignedInClientAsync(practice, user);

        Assert.Contains("Shah family", await HomeCardsAsync(browser), StringComparer.Ordinal);
        Assert.Equal(portal.Id.ToString(), Current(await browser.GetDocumentAsync("portals/choose")));

        var nobody = await app.SignedInClientAsync(practice, await app.AddClientAsync(practice));
        var page = await nobody.GetDocumentAsync("portals/choose");
        Assert.Contains("do not have access to a portal yet", page.QuerySelector("[data-testid=no-portal]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("contact the practice", page.QuerySelector("[data-testid=no-portal]")!.TextContent, StringComparison.Ordinal);
    }

    [Theory, BothDatabases]
    public async Task Removed_or_expired_access_stops_the_remembered_choice_at_once(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var practice = await app.CreatePracticeAsync();
        var (household, bakery, user) = await TwoPortalsAsync(app, practice);
        var third = await app.AddPortalAsync(practice, "Third portal");
        await app.GrantAsync(practice, third.Id, user, PortalAccess.Full);
        var today = await app.TodayAsync(practice);
        await app.GrantAsync(practice, bakery.Id, user, PortalAccess.Contributor, today.AddDays(1));
        var bakeryClient = (await app.InPracticeAsync(practice, sp => sp.GetRequiredService<PortalStore>().ClientsOfAsync(bakery.Id)))[0].Id;
        var browser = await app.SignedInClientAsync(practice, user);

        Assert.Equal(HttpStatusCode.Redirect, (await ChooseAsync(browser, bakery.Id)).StatusCode);
        Assert.Equal(bakery.Id.ToString(), Current(await browser.GetDocumentAsync("portals/choose")));
        Assert.Equal(Portal.Core.Contracts.ClientAccessLevel.Contributor, await AccessAsync(app, practice, user, bakeryClient));

        // The last day still counts; the day after, the same session and cookie no longer reach the portal.
        app.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(bakery.Id.ToString(), Current(await browser.GetDocumentAsync("portals/choose")));
        app.Clock.Advance(TimeSpan.FromDays(1));
        var chooser = await browser.GetDocumentAsync("portals/choose");
        Assert.Null(Current(chooser));
        Assert.Null(chooser.QuerySelector($"[data-portal='{bakery.Id}']"));
        Assert.Equal(Portal.Core.Contracts.ClientAccessLevel.None, await AccessAsync(app, practice, user, bakeryClient));
        var forged = await PostChoiceAsync(browser, bakery.Id);
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await ChooseAsync(browser, household.Id)).StatusCode);
        Assert.Equal(household.Id.ToString(), Current(await browser.GetDocumentAsync("portals/choose")));
        await app.InPracticeAsync(practice, async sp =>
        {
            var memberships = sp.GetRequiredService<PortalMemberships>();
            var member = (await memberships.MembersAsync(household.Id)).Single(m => m.Member.UserId == user.Id);
            Assert.True(await memberships.RemoveAsync(household.Id, member.Member.Id));
        });

        // Only the third portal is left, so it is the current one; the remembered household is ignored.
        Assert.Equal(third.Id.ToString(), Current(await browser.GetDocumentAsync("portals/choose")));
    }

    [Theory, BothDatabases]
    public async Task A_tampered_or_borrowed_choice_cookie_is_ignored(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var practice = await app.CreatePracticeAsync();
        var (household, bakery, user) = await TwoPortalsAsync(app, practice);
        var browser = await app.SignedInClientAsync(practice, user);
        var chose = await ChooseAsync(browser, bakery.Id);
        var choice = chose.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(PortalChoiceCookie.Name + "=", StringComparison.Ordinal)).Split(';')[0];
        var session = await SessionCookieAsync(app, practice, user);

        Assert.Equal(bakery.Id.ToString(), Current(await GetWithCookiesAsync(app, practice, $"{session}; {choice}")));
        var value = choice[(PortalChoiceCookie.Name.Length + 1)..];
        var tampered = $"{PortalChoiceCookie.Name}={value[..^4]}{(value[^4] == 'A' ? 'B' : 'A')}{value[^3..]}";
        Assert.Null(Current(await GetWithCookiesAsync(app, practice, $"{session}; {tampered}")));
        Assert.Null(Current(await GetWithCookiesAsync(app, practice, $"{session}; {PortalChoiceCookie.Name}=not-a-protected-value")));

        // Another person on the same browser does not inherit the choice, even with the same portals.
        var other = await app.AddClientAsync(practice);
        await app.GrantAsync(practice, household.Id, other, PortalAccess.Full);
        await app.GrantAsync(practice, bakery.Id, other, PortalAccess.Full);
        Assert.Null(Current(await GetWithCookiesAsync(app, practice, $"{await SessionCookieAsync(app, practice, other)}; {choice}")));
    }

    [Theory]
    [InlineData("http://{0}.localhost/", "portal.choice", "path=/;", false)]
    [InlineData("http://localhost/t/{0}/", "portal.choice", "path=/t/{0};", false)]
    [InlineData("https://{0}.localhost/", "__Host-portal.choice", "path=/;", true)]
    public async Task The_choice_cookie_is_scoped_to_the_practice_and_secure_over_https(string baseAddress, string name, string path, bool secure)
    {
        var app = await apps.For(DatabaseProvider.Sqlite);
        var practice = await app.CreatePracticeAsync();
        var (_, bakery, user) = await TwoPortalsAsync(app, practice);
        var browser = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false,
            BaseAddress = new Uri(string.Format(System.Globalization.CultureInfo.InvariantCulture, baseAddress, practice.Name)),
        });
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SubmitFormAsync("account/signin", new() { ["Email"] = user.Email!, ["Password"] = Practices.ClientPassword })).StatusCode);

        var chose = await ChooseAsync(browser, bakery.Id);

        Assert.Equal(HttpStatusCode.Redirect, chose.StatusCode);
        var cookie = chose.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(name + "=", StringComparison.Ordinal)).ToLowerInvariant();
        Assert.Contains(string.Format(System.Globalization.CultureInfo.InvariantCulture, path, practice.Name), cookie + ";", StringComparison.Ordinal);
        Assert.Equal(secure, cookie.Contains("; secure", StringComparison.Ordinal));
        Assert.Equal(bakery.Id.ToString(), Current(await browser.GetDocumentAsync("portals/choose")));
    }

    private static async Task<(ClientPortal Household, ClientPortal Bakery, PortalUser User)> TwoPortalsAsync(PortalApplication app, TenantDescriptor practice)
    {
        var jordan = await app.AddClientRecordAsync(practice, "Jordan Lee");
        var trust = await app.AddClientRecordAsync(practice, "Lee Family Trust", null, ClientKind.Business);
        var bakeryClient = await app.AddClientRecordAsync(practice, "Harbour Bakery Ltd", null, ClientKind.Business);
        var household = await app.AddPortalAsync(practice, "Lee household", jordan.Id, trust.Id);
        var bakery = await app.AddPortalAsync(practice, "Harbour Bakery", bakeryClient.Id);
        var user = await app.AddClientAsync(practice);
        await app.GrantAsync(practice, household.Id, user, PortalAccess.Full);
        await app.GrantAsync(practice, bakery.Id, user, PortalAccess.Contributor);
        return (household, bakery, user);
    }

    private static Task<HttpResponseMessage> ChooseAsync(HttpClient browser, Guid portalId)
        => browser.SubmitFormAsync("portals/choose", [], $"[data-portal='{portalId}'] form");

    /// <summary>Posts a choice the page does not offer (as a forged form would).</summary>
    private static async Task<HttpResponseMessage> PostChoiceAsync(HttpClient browser, Guid portalId)
    {
        var token = await browser.AntiforgeryTokenAsync("portals/choose");
        return await browser.PostAsync("portals/choose", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["portalId"] = portalId.ToString() }));
    }

    /// <summary>The portal the chooser marks as current (what IClientAccess.CurrentPortalAsync answered), or null.</summary>
    private static string? Current(IDocument chooser)
        => chooser.QuerySelectorAll("[data-portal]").FirstOrDefault(s => s.QuerySelector("[aria-current=true]") is not null)?.GetAttribute("data-portal");

    private static async Task<List<string>> HomeCardsAsync(HttpClient browser)
    {
        var home = await browser.GetAsync("");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        return HtmlForms.Parse(await home.Content.ReadAsStringAsync()).QuerySelectorAll("a.card h2").Select(h => h.TextContent.Trim()).ToList();
    }

    private static async Task<Portal.Core.Contracts.ClientAccessLevel> AccessAsync(PortalApplication app, TenantDescriptor practice, PortalUser user, Guid clientId)
        => await app.InPracticeAsync(practice, async sp =>
        {
            var principal = await sp.GetRequiredService<Microsoft.AspNetCore.Identity.IUserClaimsPrincipalFactory<PortalUser>>().CreateAsync(user);
            return await sp.GetRequiredService<Portal.Core.Contracts.IClientAccess>().ForClientAsync(principal, clientId);
        });

    private static async Task<string> SessionCookieAsync(PortalApplication app, TenantDescriptor practice, PortalUser user)
    {
        var response = await app.ClientFor(practice).SubmitFormAsync("account/signin", new() { ["Email"] = user.Email!, ["Password"] = Practices.ClientPassword });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response.Headers.GetValues("Set-Cookie").First(c => c.StartsWith("portal.session=", StringComparison.Ordinal)).Split(';')[0];
    }

    private static async Task<IDocument> GetWithCookiesAsync(PortalApplication app, TenantDescriptor practice, string cookies)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "portals/choose");
        request.Headers.Add("Cookie", cookies);
        var response = await app.ClientFor(practice).SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return HtmlForms.Parse(await response.Content.ReadAsStringAsync());
    }
}
