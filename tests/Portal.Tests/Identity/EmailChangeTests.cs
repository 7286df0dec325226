using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Contracts;
using Portal.Core.Data;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Identity;

/// <summary>A client user's new address is confirmed before it signs in; the account and its history stay.</summary>
public sealed class EmailChangeTests(SharedApps apps) : IClassFixture<SharedApps>
{
    [Theory, BothDatabases]
    public async Task The_new_address_works_only_once_confirmed_and_the_old_one_is_told(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var practice = await app.CreatePracticeAsync();
        var user = await app.AddClientAsync(practice);
        var oldEmail = user.Email!;
        var newEmail = $"moved-{Guid.NewGuid():N}@clients.example";

        var result = await app.InPracticeAsync(practice, sp => sp.GetRequiredService<IUserDirectory>().RequestEmailChangeAsync(user.Id, newEmail));
        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(newEmail, (await app.InPracticeAsync(practice, sp => sp.GetRequiredService<IUserDirectory>().FindAsync(user.Id)))!.PendingEmail);

        // Not yet: the new address does not sign in, the old one still does.
        Assert.Equal(HttpStatusCode.OK, (await app.ClientFor(practice).SubmitFormAsync("account/signin", new() { ["Email"] = newEmail, ["Password"] = Practices.ClientPassword })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await app.ClientFor(practice).SubmitFormAsync("account/signin", new() { ["Email"] = oldEmail, ["Password"] = Practices.ClientPassword })).StatusCode);

        var link = new Uri((await MailMessageReader.WaitForAsync(app.PickupDirectory, newEmail)).FindLink("/account/confirm-email")!);
        var page = await app.ClientFor(practice).GetDocumentAsync(link.PathAndQuery);
        Assert.Contains(newEmail, page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        var confirm = await app.ClientFor(practice).SubmitFormAsync(link.PathAndQuery, []);
        Assert.Contains("Your e-mail address is confirmed", await confirm.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var notice = await MailMessageReader.WaitForAsync(app.PickupDirectory, oldEmail);
        Assert.Contains(newEmail, notice.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await app.ClientFor(practice).SubmitFormAsync("account/signin", new() { ["Email"] = newEmail, ["Password"] = Practices.ClientPassword })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.ClientFor(practice).SubmitFormAsync("account/signin", new() { ["Email"] = oldEmail, ["Password"] = Practices.ClientPassword })).StatusCode);
        Assert.Equal(user.Id, (await app.InPracticeAsync(practice, sp => sp.GetRequiredService<IUserDirectory>().FindByEmailAsync(newEmail)))!.Id);
    }

    [Fact]
    public async Task An_address_in_use_or_malformed_is_refused()
    {
        var app = await apps.For(DatabaseProvider.Sqlite);
        var practice = await app.CreatePracticeAsync();
        var user = await app.AddClientAsync(practice);
        var other = await app.AddClientAsync(practice);

        var taken = await app.InPracticeAsync(practice, sp => sp.GetRequiredService<IUserDirectory>().RequestEmailChangeAsync(user.Id, other.Email!));
        Assert.False(taken.Succeeded);
        Assert.Contains("already has that address", taken.Error, StringComparison.Ordinal);
        var bad = await app.InPracticeAsync(practice, sp => sp.GetRequiredService<IUserDirectory>().RequestEmailChangeAsync(user.Id, "not an address"));
        Assert.False(bad.Succeeded);
    }
}
