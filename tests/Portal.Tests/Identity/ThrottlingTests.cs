using System.Net;
using Portal.Core.Data;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Identity;

/// <summary>
/// Guessing is slowed down, but never in a way that locks the real user out: a browser the user has
/// signed in from before keeps working while an attack on the account (or from the same address) is
/// blocked. Answers are identical for known and unknown addresses.
/// </summary>
public sealed class ThrottlingTests
{
    private const string Wrong = "Definitely-Wrong-Password-1";

    [Theory, BothDatabases]
    public async Task Fifty_bad_passwords_block_new_browsers_but_not_the_real_users_browser(DatabaseProvider provider)
    {
        await using var app = await PortalApplication.StartAsync(provider);
        var practice = await app.CreatePracticeAsync();
        var user = await app.AddClientAsync(practice);

        // The real user has signed in from their browser before.
        var realBrowser = await app.SignedInClientAsync(practice, user);
        await SignOutAsync(realBrowser);

        var attacker = app.ClientFor(practice);
        HttpResponseMessage last = new();
        for (var i = 0; i < 50; i++)
        {
            last = await attacker.SubmitFormAsync("account/signin", new() { ["Email"] = user.Email!, ["Password"] = Wrong });
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, last.StatusCode);

        // Even the right password does not get a new browser in while the account is under attack...
        var newBrowser = await app.ClientFor(practice).SubmitFormAsync("account/signin", new() { ["Email"] = user.Email!, ["Password"] = Practices.ClientPassword });
        Assert.Equal(HttpStatusCode.TooManyRequests, newBrowser.StatusCode);

        // ...but the owner's own browser does.
        var owner = await realBrowser.SubmitFormAsync("account/signin", new() { ["Email"] = user.Email!, ["Password"] = Practices.ClientPassword });
        Assert.Equal(HttpStatusCode.Redirect, owner.StatusCode);
        Assert.Equal("/", owner.Headers.Location!.ToString());
    }

    [Theory, BothDatabases]
    public async Task One_password_sprayed_over_500_accounts_blocks_the_address_but_not_the_real_user(DatabaseProvider provider)
    {
        await using var app = await PortalApplication.StartAsync(provider);
        var practice = await app.CreatePracticeAsync();
        var victims = new List<Portal.Identity.Models.PortalUser>();
        for (var i = 0; i < 5; i++)
        {
            victims.Add(await app.AddClientAsync(practice));
        }

        var realUser = victims[0];
        var realBrowser = await app.SignedInClientAsync(practice, realUser);
        await SignOutAsync(realBrowser);

        var attacker = app.ClientFor(practice);
        var blocked = 0;
        for (var i = 0; i < 500; i++)
        {
            var email = i < victims.Count ? victims[i].Email! : $"guess{i}@targets.example";
            var response = await attacker.SubmitFormAsync("account/signin", new() { ["Email"] = email, ["Password"] = "Summer2026!Summer" });
            Assert.NotEqual(HttpStatusCode.Redirect, response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                blocked++;
            }
        }

        Assert.True(blocked >= 400, $"only {blocked} of 500 spraying attempts were blocked");
        var owner = await realBrowser.SubmitFormAsync("account/signin", new() { ["Email"] = realUser.Email!, ["Password"] = Practices.ClientPassword });
        Assert.Equal(HttpStatusCode.Redirect, owner.StatusCode);
    }

    [Fact]
    public async Task Blocking_looks_the_same_for_known_and_unknown_addresses()
    {
        await using var app = await PortalApplication.StartAsync(DatabaseProvider.Sqlite, o => o.Set("Portal:Identity:IpFailuresBeforeBlock", "1000"));
        var practice = await app.CreatePracticeAsync();
        var user = await app.AddClientAsync(practice);

        async Task<(HttpStatusCode Status, string Message)> Hammer(string email)
        {
            HttpResponseMessage response = new();
            for (var i = 0; i < 12; i++)
            {
                response = await app.ClientFor(practice).SubmitFormAsync("account/signin", new() { ["Email"] = email, ["Password"] = Wrong });
            }

            return (response.StatusCode, HtmlForms.Parse(await response.Content.ReadAsStringAsync()).QuerySelector(".alert-error")!.TextContent);
        }

        var known = await Hammer(user.Email!);
        var unknown = await Hammer("nobody-" + Guid.NewGuid().ToString("N")[..6] + "@unknown.example");
        Assert.Equal(HttpStatusCode.TooManyRequests, known.Status);
        Assert.Equal(known, unknown);
    }

    private static async Task SignOutAsync(HttpClient client)
    {
        var token = await client.AntiforgeryTokenAsync("account");
        var response = await client.PostAsync("account/signout", new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("confirmed", "true")]));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }
}
