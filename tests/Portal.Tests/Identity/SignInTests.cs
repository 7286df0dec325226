using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Data;
using Portal.Identity.Models;
using Portal.Identity.Services;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Identity;

public sealed class SignInTests(SharedApps apps) : IClassFixture<SharedApps>
{
    [Theory, BothDatabases]
    public async Task Staff_land_in_the_admin_and_clients_on_their_site(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var practice = await app.CreatePracticeAsync();
        var staff = await app.AddStaffAsync(practice);
        var client = await app.AddClientAsync(practice);

        var staffSignIn = await app.ClientFor(practice).SubmitFormAsync("account/signin", new() { ["Email"] = staff.Email!, ["Password"] = Practices.StaffPassword });
        Assert.Equal("/admin", staffSignIn.Headers.Location!.ToString());
        var clientSignIn = await app.ClientFor(practice).SubmitFormAsync("account/signin", new() { ["Email"] = client.Email!, ["Password"] = Practices.ClientPassword });
        Assert.Equal("/", clientSignIn.Headers.Location!.ToString());
    }

    [Fact]
    public async Task Unknown_address_and_wrong_password_get_the_same_answer()
    {
        var app = await apps.For(DatabaseProvider.Sqlite);
        var practice = await app.CreatePracticeAsync();
        var user = await app.AddClientAsync(practice);

        var wrongPassword = await app.ClientFor(practice).SubmitFormAsync("account/signin", new() { ["Email"] = user.Email!, ["Password"] = "Not-The-Password-1" });
        var unknown = await app.ClientFor(practice).SubmitFormAsync("account/signin", new() { ["Email"] = "nobody@nowhere.example", ["Password"] = "Not-The-Password-1" });

        Assert.Equal(wrongPassword.StatusCode, unknown.StatusCode);
        var a = HtmlForms.Parse(await wrongPassword.Content.ReadAsStringAsync()).QuerySelector(".alert-error")!.TextContent;
        var b = HtmlForms.Parse(await unknown.Content.ReadAsStringAsync()).QuerySelector(".alert-error")!.TextContent;
        Assert.Equal(a, b);
    }

    [Theory, BothDatabases]
    public async Task Disabling_a_user_ends_their_session_at_once(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var practice = await app.CreatePracticeAsync();
        var admin = await app.AddAdministratorAsync(practice);
        var browser = await app.SignedInClientAsync(practice, admin);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("admin")).StatusCode);

        await app.InPracticeAsync(practice, async sp =>
        {
            var user = await sp.GetRequiredService<UserManager<PortalUser>>().FindByIdAsync(admin.Id.ToString());
            await sp.GetRequiredService<UserAccounts>().DisableAsync(user!);
        });

        var next = await browser.GetAsync("admin");
        Assert.Equal(HttpStatusCode.Redirect, next.StatusCode);
        Assert.Contains("/account/signin", next.Headers.Location!.ToString(), StringComparison.Ordinal);
        var again = await app.ClientFor(practice).SubmitFormAsync("account/signin", new() { ["Email"] = admin.Email!, ["Password"] = Practices.StaffPassword });
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
    }

    [Fact]
    public async Task Signing_out_ends_the_session_on_the_server()
    {
        var app = await apps.For(DatabaseProvider.Sqlite);
        var practice = await app.CreatePracticeAsync();
        var admin = await app.AddAdministratorAsync(practice);
        var signIn = await app.ClientFor(practice).SubmitFormAsync("account/signin", new() { ["Email"] = admin.Email!, ["Password"] = Practices.StaffPassword });
        var cookie = signIn.Headers.GetValues("Set-Cookie").First(c => c.StartsWith("portal.session=", StringComparison.Ordinal)).Split(';')[0];

        var browser = app.ClientFor(practice);
        browser.DefaultRequestHeaders.Add("Cookie", cookie);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("admin")).StatusCode);
        var token = await browser.AntiforgeryTokenAsync("admin");
        var signOut = await browser.PostAsync("account/signout", new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);

        // The old cookie, replayed after sign-out, no longer works.
        var replay = app.ClientFor(practice);
        replay.DefaultRequestHeaders.Add("Cookie", cookie);
        var response = await replay.GetAsync("admin");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [Fact]
    public async Task After_signing_out_the_page_says_so()
    {
        var app = await apps.For(DatabaseProvider.Sqlite);
        var practice = await app.CreatePracticeAsync();
        var browser = await app.SignedInClientAsync(practice, await app.AddClientAsync(practice));
        var signOut = await browser.SubmitFormAsync("account/signout", []);
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);

        var home = await browser.GetDocumentAsync(signOut.Headers.Location!.OriginalString);
        Assert.Contains("You have signed out", home.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Passwords_are_hashed_with_pbkdf2_sha512_and_at_least_210000_iterations()
    {
        // An application at the product's own count (the shared test applications hash cheaply).
        await using var app = await PortalApplication.StartAsync(DatabaseProvider.Sqlite, options => options.Set(PortalApplication.PasswordHashIterations, null));
        var practice = await app.CreatePracticeAsync();
        var user = await app.AddClientAsync(practice);
        var hash = Convert.FromBase64String(user.PasswordHash!);

        Assert.Equal(0x01, hash[0]); // format marker of Identity's v3 hashes
        var prf = (hash[1] << 24) | (hash[2] << 16) | (hash[3] << 8) | hash[4];
        var iterations = (hash[5] << 24) | (hash[6] << 16) | (hash[7] << 8) | hash[8];
        Assert.Equal(2, prf); // HMACSHA512
        Assert.True(iterations >= 210_000, $"{iterations} iterations");
    }
}
