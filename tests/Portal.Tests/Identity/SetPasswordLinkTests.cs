using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Data;
using Portal.Core.Links;
using Portal.Identity.Models;
using Portal.Identity.Services;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Identity;

/// <summary>The one-time link behind an invitation: works once, expires, says clearly what went wrong.</summary>
public sealed class SetPasswordLinkTests(ClassApps apps) : IClassFixture<ClassApps>
{
    [Theory, BothDatabases]
    public async Task The_link_sets_the_password_signs_in_and_works_only_once(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var practice = await app.CreatePracticeAsync();
        var admin = await app.InPracticeAsync(practice, sp => sp.GetRequiredService<UserManager<PortalUser>>().FindByEmailAsync($"admin@{practice.Name}.example"));
        var mail = await MailMessageReader.WaitForAsync(app.PickupDirectory, admin!.Email!);
        var link = new Uri(mail.FindLink("/account/set-password")!);
        var client = app.ClientFor(practice);

        var form = await client.GetDocumentAsync(link.PathAndQuery);
        Assert.Contains(admin.Email!, form.QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        var tooShort = await client.SubmitFormAsync(link.PathAndQuery, new() { ["Password"] = "short-pass", ["ConfirmPassword"] = "short-pass" });
        Assert.Equal(HttpStatusCode.OK, tooShort.StatusCode);
        Assert.Contains("at least 12 characters", await tooShort.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        const string password = "Lighthouse-Orchard-Velvet-9";
        var set = await client.SubmitFormAsync(link.PathAndQuery, new() { ["Password"] = password, ["ConfirmPassword"] = password });
        Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);
        Assert.Equal("/admin", set.Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("admin")).StatusCode);

        // Recorded like any sign-in: the user is active now, so a later invitation cannot reset them.
        var after = await app.InPracticeAsync(practice, sp => sp.GetRequiredService<UserManager<PortalUser>>().FindByEmailAsync(admin.Email!));
        Assert.NotNull(after!.LastSignInAt);

        var again = await app.ClientFor(practice).GetAsync(link.PathAndQuery);
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains("already been used", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var fresh = app.ClientFor(practice);
        var signIn = await fresh.SubmitFormAsync("account/signin", new() { ["Email"] = admin.Email!, ["Password"] = password });
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
    }

    [Theory, BothDatabases]
    public async Task An_expired_or_mangled_link_is_refused_clearly(DatabaseProvider provider)
    {
        await using var app = await PortalApplication.StartAsync(provider);
        var practice = await app.CreatePracticeAsync();
        var user = await app.AddClientAsync(practice);
        var token = await app.InPracticeAsync(practice, sp => sp.GetRequiredService<IOneTimeLinks>().IssueAsync(new OneTimeLinkRequest(AccountLinkPurposes.SetPassword, user.Id, TimeSpan.FromDays(30))));

        var mangled = await app.ClientFor(practice).GetAsync("account/set-password?token=" + token[..^2]);
        Assert.Equal(HttpStatusCode.BadRequest, mangled.StatusCode);
        Assert.Contains("This link is not valid", await mangled.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        app.Clock.Advance(TimeSpan.FromDays(31));
        var expired = await app.ClientFor(practice).GetAsync("account/set-password?token=" + token);
        Assert.Equal(HttpStatusCode.Gone, expired.StatusCode);
        Assert.Contains("This link has expired", await expired.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory, BothDatabases]
    public async Task A_form_opened_in_time_but_saved_after_the_link_expired_sets_nothing(DatabaseProvider provider)
    {
        await using var app = await PortalApplication.StartAsync(provider);
        var practice = await app.CreatePracticeAsync();
        var user = await app.AddClientAsync(practice);
        var token = await app.InPracticeAsync(practice, sp => sp.GetRequiredService<IOneTimeLinks>().IssueAsync(new OneTimeLinkRequest(AccountLinkPurposes.SetPassword, user.Id, TimeSpan.FromDays(30))));
        var path = "account/set-password?token=" + token;
        var client = app.ClientFor(practice);
        var form = (IHtmlFormElement)(await client.GetDocumentAsync(path)).QuerySelector("main form")!;

        app.Clock.Advance(TimeSpan.FromDays(30) + TimeSpan.FromSeconds(1));
        const string password = "Lighthouse-Orchard-Velvet-9";
        var saved = await client.PostFormAsync(form, new() { ["Password"] = password, ["ConfirmPassword"] = password }, path);

        Assert.Equal(HttpStatusCode.Gone, saved.StatusCode);
        Assert.Contains("This link has expired", await saved.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var signIn = await app.ClientFor(practice).SubmitFormAsync("account/signin", new() { ["Email"] = user.Email!, ["Password"] = password });
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        Assert.Contains(Portal.Identity.Pages.Account.SignInModel.FailureMessage, await signIn.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_link_replaces_the_earlier_one()
    {
        var app = await apps.For(DatabaseProvider.Sqlite);
        var practice = await app.CreatePracticeAsync();
        var user = await app.AddClientAsync(practice);
        var first = await app.InPracticeAsync(practice, sp => sp.GetRequiredService<IOneTimeLinks>().IssueAsync(new OneTimeLinkRequest(AccountLinkPurposes.SetPassword, user.Id, TimeSpan.FromDays(30))));
        var second = await app.InPracticeAsync(practice, sp => sp.GetRequiredService<IOneTimeLinks>().IssueAsync(new OneTimeLinkRequest(AccountLinkPurposes.SetPassword, user.Id, TimeSpan.FromDays(30))));

        Assert.Equal(HttpStatusCode.Gone, (await app.ClientFor(practice).GetAsync("account/set-password?token=" + first)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.ClientFor(practice).GetAsync("account/set-password?token=" + second)).StatusCode);
    }
}
