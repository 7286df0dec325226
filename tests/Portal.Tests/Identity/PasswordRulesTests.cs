using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Data;
using Portal.Core.Links;
using Portal.Identity.Models;
using Portal.Identity.Services;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Identity;

/// <summary>The password rules: said on every page that sets a password, and refusing what they say they refuse, no more.</summary>
public sealed class PasswordRulesTests(SharedApps apps) : IClassFixture<SharedApps>
{
    [Theory]
    [InlineData("client@demo.example", "client-portal-blue-kite", true)]
    [InlineData("jordan.lee@demo.example", "Jordan Lee sails the harbour", true)]
    [InlineData("jordan.lee@demo.example", "JordanLee2026!", false)]
    [InlineData("jordan.lee@demo.example", "jordan.lee@demo.example", false)]
    [InlineData("jo@demo.example", "jo-jo-jo-jo-jo-jo", true)]
    [InlineData("someone@demo.example", "password123", false)]
    [InlineData("someone@demo.example", "añø 日本 ワイン ☕ müde Fahrrad lila Wolke über Meer mit 64 Zeichen!", true)]
    public async Task Only_a_password_made_of_the_address_or_a_common_one_is_refused(string email, string password, bool accepted)
    {
        var user = new PortalUser { Email = email, UserName = email, Kind = UserKind.Client };
        var result = await new PortalPasswordValidator().ValidateAsync(null!, user, password);
        Assert.True(result.Succeeded == accepted, string.Join(" ", result.Errors.Select(e => e.Description)));
    }

    [Theory, BothDatabases]
    public async Task Pages_that_set_a_password_state_the_rules_for_that_user(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var practice = await app.CreatePracticeAsync();
        var staff = await app.AddStaffAsync(practice);
        var client = await app.AddClientAsync(practice);
        var token = await app.InPracticeAsync(practice, sp => sp.GetRequiredService<IOneTimeLinks>().IssueAsync(new OneTimeLinkRequest(AccountLinkPurposes.SetPassword, staff.Id, TimeSpan.FromDays(1))));

        var setPassword = await app.ClientFor(practice).GetDocumentAsync($"account/set-password?token={token}");
        Assert.Contains("At least 12 characters", setPassword.QuerySelector("[data-testid=password-rules]")!.TextContent, StringComparison.Ordinal);

        var asClient = await app.SignedInClientAsync(practice, client);
        var change = await asClient.GetDocumentAsync("account/change-password");
        Assert.Contains("At least 8 characters", change.QuerySelector("[data-testid=password-rules]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("8", change.QuerySelector("input[name=Password]")!.GetAttribute("minlength"));
    }
}
