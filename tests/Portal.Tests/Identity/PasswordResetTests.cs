using System.Net;
using Portal.Core.Data;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Identity;

public sealed class PasswordResetTests(SharedApps apps) : IClassFixture<SharedApps>
{
    [Theory, BothDatabases]
    public async Task A_reset_link_sets_a_new_password_ends_sessions_and_works_once(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var practice = await app.CreatePracticeAsync();
        var user = await app.AddClientAsync(practice);
        var oldSession = await app.SignedInClientAsync(practice, user);

        var request = await app.ClientFor(practice).SubmitFormAsync("account/forgot-password", new() { ["Email"] = user.Email! });
        Assert.Equal(HttpStatusCode.OK, request.StatusCode);
        var mail = await MailMessageReader.WaitForAsync(app.PickupDirectory, user.Email!);
        var link = new Uri(mail.FindLink("/account/reset-password")!);

        const string password = "Granite-Willow-Harbor-88";
        var reset = await app.ClientFor(practice).SubmitFormAsync(link.PathAndQuery, new() { ["Password"] = password, ["ConfirmPassword"] = password });
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        Assert.Contains("/account/signin", reset.Headers.Location!.ToString(), StringComparison.Ordinal);

        // Every earlier session is over; the reset itself signed nobody in.
        Assert.Equal(HttpStatusCode.Redirect, (await oldSession.GetAsync("account")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await app.ClientFor(practice).SubmitFormAsync("account/signin", new() { ["Email"] = user.Email!, ["Password"] = password })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.ClientFor(practice).SubmitFormAsync("account/signin", new() { ["Email"] = user.Email!, ["Password"] = Practices.ClientPassword })).StatusCode);

        var reuse = await app.ClientFor(practice).GetAsync(link.PathAndQuery);
        Assert.Equal(HttpStatusCode.BadRequest, reuse.StatusCode);
    }

    [Fact]
    public async Task Known_and_unknown_addresses_get_the_same_answer_and_only_real_users_get_mail()
    {
        var app = await apps.For(DatabaseProvider.Sqlite);
        var practice = await app.CreatePracticeAsync();
        var user = await app.AddClientAsync(practice);
        var unknown = $"nobody-{Guid.NewGuid():N}@unknown.example";

        var known = await app.ClientFor(practice).SubmitFormAsync("account/forgot-password", new() { ["Email"] = user.Email! });
        var other = await app.ClientFor(practice).SubmitFormAsync("account/forgot-password", new() { ["Email"] = unknown });

        Assert.Equal(known.StatusCode, other.StatusCode);
        var a = HtmlForms.Parse(await known.Content.ReadAsStringAsync()).QuerySelector("[data-testid=reset-requested]")!.TextContent;
        var b = HtmlForms.Parse(await other.Content.ReadAsStringAsync()).QuerySelector("[data-testid=reset-requested]")!.TextContent;
        Assert.Equal(a, b);
        await MailMessageReader.WaitForAsync(app.PickupDirectory, user.Email!);
        Assert.DoesNotContain(Directory.GetFiles(app.PickupDirectory), f => File.ReadAllText(f).Contains(unknown, StringComparison.OrdinalIgnoreCase));
    }
}
