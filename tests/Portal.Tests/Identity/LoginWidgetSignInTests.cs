using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Data;
using Portal.Core.LoginWidget;
using Portal.Core.Settings;
using Portal.Core.Tenancy;
using Portal.Identity.Models;
using Portal.Identity.Pages.Account;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Identity;

/// <summary>
/// The login widget's sign-in (POST /widget/sign-in from the practice's own website): accepted only
/// from an origin on the practice's list (the check that stands in for the antiforgery token), with
/// the sign-in page's throttling, and every answer a 303 to a page of the portal.
/// </summary>
public sealed class LoginWidgetSignInTests(SharedApps apps) : IClassFixture<SharedApps>
{
    private const string FirmSite = "https://www.firm.example";

    [Theory, BothDatabases]
    public async Task A_form_from_a_listed_website_signs_the_client_in_and_sends_them_to_the_portal(DatabaseProvider provider)
    {
        var (app, practice) = await PracticeWithWidgetAsync(provider);
        var client = await app.AddClientAsync(practice);
        var browser = app.ClientFor(practice);

        var response = await PostAsync(browser, client.Email!, Practices.ClientPassword, origin: FirmSite);

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("portal.session=", StringComparison.Ordinal) && c.Contains("samesite=lax", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("account")).StatusCode);
    }

    [Theory, BothDatabases]
    public async Task A_form_from_a_website_not_on_the_list_is_refused_with_a_page_and_signs_nobody_in(DatabaseProvider provider)
    {
        var (app, practice) = await PracticeWithWidgetAsync(provider);
        var client = await app.AddClientAsync(practice);
        var browser = app.ClientFor(practice);

        var response = await PostAsync(browser, client.Email!, Practices.ClientPassword, origin: "https://attacker.example");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie"));
        var page = HtmlForms.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("https://attacker.example", page.QuerySelector("main p")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("not one of", page.QuerySelector("main p")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("account")).StatusCode);
    }

    [Theory, BothDatabases]
    public async Task Without_origin_and_referer_or_with_a_null_origin_the_form_is_refused(DatabaseProvider provider)
    {
        var (app, practice) = await PracticeWithWidgetAsync(provider);
        var client = await app.AddClientAsync(practice);

        var neither = await PostAsync(app.ClientFor(practice), client.Email!, Practices.ClientPassword);
        var nullOrigin = await PostAsync(app.ClientFor(practice), client.Email!, Practices.ClientPassword, origin: "null", referer: FirmSite + "/");
        var lookalike = await PostAsync(app.ClientFor(practice), client.Email!, Practices.ClientPassword, origin: "https://www.firm.example.attacker.example");

        Assert.Equal(HttpStatusCode.Forbidden, neither.StatusCode);
        Assert.Contains("did not say which website", await neither.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, nullOrigin.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, lookalike.StatusCode);
    }

    [Theory, BothDatabases]
    public async Task A_browser_that_sends_only_a_referer_from_a_listed_website_is_accepted(DatabaseProvider provider)
    {
        var (app, practice) = await PracticeWithWidgetAsync(provider);
        var client = await app.AddClientAsync(practice);

        var response = await PostAsync(app.ClientFor(practice), client.Email!, Practices.ClientPassword, referer: FirmSite + "/clients/sign-in.html?x=1");

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [Theory, BothDatabases]
    public async Task A_wrong_password_lands_on_the_sign_in_page_with_the_message_and_the_address_but_never_the_password(DatabaseProvider provider)
    {
        var (app, practice) = await PracticeWithWidgetAsync(provider);
        var client = await app.AddClientAsync(practice);
        var browser = app.ClientFor(practice);
        const string wrong = "Not-The-Password-93";

        var response = await PostAsync(browser, client.Email!, wrong, origin: FirmSite);

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.StartsWith("/account/signin?", location, StringComparison.Ordinal);
        Assert.DoesNotContain(wrong, location, StringComparison.Ordinal);
        var page = await browser.GetDocumentAsync(HtmlForms.Relative(location));
        Assert.Equal(SignInModel.FailureMessage, page.QuerySelector(".alert-error")!.TextContent.Trim());
        Assert.Equal(client.Email, page.QuerySelector("input[name=Email]")!.GetAttribute("value"));
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("account")).StatusCode);
    }

    [Theory, BothDatabases]
    public async Task A_user_with_two_factor_goes_to_the_code_step(DatabaseProvider provider)
    {
        var (app, practice) = await PracticeWithWidgetAsync(provider);
        var client = await app.AddClientAsync(practice);
        await app.InPracticeAsync(practice, async sp =>
        {
            var users = sp.GetRequiredService<UserManager<PortalUser>>();
            var user = (await users.FindByIdAsync(client.Id.ToString()))!;
            await users.ResetAuthenticatorKeyAsync(user);
            await users.SetTwoFactorEnabledAsync(user, true);
        });
        var browser = app.ClientFor(practice);

        var response = await PostAsync(browser, client.Email!, Practices.ClientPassword, origin: FirmSite);

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal("/account/signin/code", response.Headers.Location!.OriginalString);
        var step = await browser.GetAsync("account/signin/code");
        Assert.Equal(HttpStatusCode.OK, step.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("account")).StatusCode);
    }

    [Theory, BothDatabases]
    public async Task Failures_through_the_widget_count_toward_the_same_throttling_as_the_sign_in_page(DatabaseProvider provider)
    {
        var (app, practice) = await PracticeWithWidgetAsync(provider);
        var client = await app.AddClientAsync(practice);
        var limit = app.Get<Microsoft.Extensions.Options.IOptions<Portal.Identity.PortalIdentityOptions>>().Value.AccountFailuresBeforeBlock;

        HttpResponseMessage last = new();
        for (var i = 0; i < limit; i++)
        {
            last = await PostAsync(app.ClientFor(practice), client.Email!, "Wrong-Password-" + i, origin: FirmSite);
        }

        // The widget now sends even the right password to the sign-in page with the throttling message...
        var throughWidget = await PostAsync(app.ClientFor(practice), client.Email!, Practices.ClientPassword, origin: FirmSite);
        Assert.Equal(HttpStatusCode.SeeOther, throughWidget.StatusCode);
        Assert.Contains("problem=throttled", throughWidget.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(SignInModel.ThrottledMessage, (await app.ClientFor(practice).GetDocumentAsync(HtmlForms.Relative(throughWidget.Headers.Location!.OriginalString)))
            .QuerySelector(".alert-error")!.TextContent.Trim());

        // ...and the sign-in page itself holds the account back too: one counter for both ways in.
        var onPage = await app.ClientFor(practice).SubmitFormAsync("account/signin", new() { ["Email"] = client.Email!, ["Password"] = Practices.ClientPassword });
        Assert.Equal(HttpStatusCode.TooManyRequests, onPage.StatusCode);
    }

    [Theory, BothDatabases]
    public async Task An_empty_form_lands_on_the_sign_in_page_asking_for_both(DatabaseProvider provider)
    {
        var (app, practice) = await PracticeWithWidgetAsync(provider);

        var response = await PostAsync(app.ClientFor(practice), "", "", origin: FirmSite);

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        var page = await app.ClientFor(practice).GetDocumentAsync(HtmlForms.Relative(response.Headers.Location!.OriginalString));
        Assert.Equal(SignInModel.MissingMessage, page.QuerySelector(".alert-error")!.TextContent.Trim());
    }

    private async Task<(PortalApplication App, TenantDescriptor Practice)> PracticeWithWidgetAsync(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var practice = await app.CreatePracticeAsync();
        await app.InPracticeAsync(practice, sp => sp.GetRequiredService<SiteSettingsStore>().SaveAsync(new LoginWidgetSettings { Origins = [FirmSite, "http://localhost:8080"] }));
        return (app, practice);
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient browser, string email, string password, string? origin = null, string? referer = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "widget/sign-in")
        {
            Content = new FormUrlEncodedContent([new("email", email), new("password", password)]),
        };
        if (origin is not null)
        {
            request.Headers.TryAddWithoutValidation("Origin", origin);
        }

        if (referer is not null)
        {
            request.Headers.TryAddWithoutValidation("Referer", referer);
        }

        return browser.SendAsync(request);
    }
}
