using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Data;
using Portal.Identity.Models;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Identity;

/// <summary>Practice administrators invite and manage staff, roles and permissions through the admin.</summary>
public sealed class StaffAdministrationTests(SharedApps apps) : IClassFixture<SharedApps>
{
    [Theory, BothDatabases]
    public async Task An_administrator_invites_staff_by_link_and_the_new_member_gets_in(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var practice = await app.CreatePracticeAsync();
        var admin = await app.SignedInClientAsync(practice, await app.AddAdministratorAsync(practice));
        var email = $"new-staff-{Guid.NewGuid():N}@{practice.Name}.example";

        var invited = await admin.SubmitFormAsync("admin/users/invite", new() { ["DisplayName"] = "Casey New", ["Email"] = email, ["SelectedRoles"] = "Staff", ["Method"] = "Link" });
        Assert.Equal(HttpStatusCode.Redirect, invited.StatusCode);
        Assert.Contains("Casey New", (await admin.GetDocumentAsync("admin/users")).QuerySelector("table")!.TextContent, StringComparison.Ordinal);

        var link = new Uri((await MailMessageReader.WaitForAsync(app.PickupDirectory, email)).FindLink("/account/set-password")!);
        var browser = app.ClientFor(practice);
        var set = await browser.SubmitFormAsync(link.PathAndQuery, new() { ["Password"] = "Meadow-Copper-Lantern-5", ["ConfirmPassword"] = "Meadow-Copper-Lantern-5" });
        Assert.Equal("/admin", set.Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("admin")).StatusCode);
    }

    [Theory, BothDatabases]
    public async Task A_temporary_password_is_shown_once_and_must_be_changed_at_first_sign_in(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var practice = await app.CreatePracticeAsync();
        var admin = await app.SignedInClientAsync(practice, await app.AddAdministratorAsync(practice));
        var email = $"temp-{Guid.NewGuid():N}@{practice.Name}.example";

        var response = await admin.SubmitFormAsync("admin/users/invite", new() { ["DisplayName"] = "Tem Porary", ["Email"] = email, ["SelectedRoles"] = "Staff", ["Method"] = "TemporaryPassword" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var temporary = HtmlForms.Parse(await response.Content.ReadAsStringAsync()).QuerySelector("[data-testid=temporary-password]")!.TextContent;
        Assert.Matches("^[a-z2-9]{4}(-[a-z2-9]{4}){3}$", temporary);

        var browser = app.ClientFor(practice);
        var signIn = await browser.SubmitFormAsync("account/signin", new() { ["Email"] = email, ["Password"] = temporary });
        Assert.Equal("/account/change-password", signIn.Headers.Location!.ToString());
        var blocked = await browser.GetAsync("admin");
        Assert.Equal("/account/change-password", blocked.Headers.Location!.ToString());

        const string own = "Thistle-Orbit-Candle-31";
        var changed = await browser.SubmitFormAsync("account/change-password", new() { ["CurrentPassword"] = temporary, ["Password"] = own, ["ConfirmPassword"] = own });
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("admin")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.ClientFor(practice).SubmitFormAsync("account/signin", new() { ["Email"] = email, ["Password"] = temporary })).StatusCode);
    }

    [Theory, BothDatabases]
    public async Task Taking_a_role_away_ends_the_persons_sessions_at_once(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var practice = await app.CreatePracticeAsync();
        var adminUser = await app.AddAdministratorAsync(practice);
        var admin = await app.SignedInClientAsync(practice, adminUser);
        var colleague = await app.AddAdministratorAsync(practice);
        var colleagueBrowser = await app.SignedInClientAsync(practice, colleague);
        Assert.Equal(HttpStatusCode.OK, (await colleagueBrowser.GetAsync("admin/features")).StatusCode);

        var saved = await admin.SubmitFormAsync($"admin/users/{colleague.Id}", new() { ["DisplayName"] = colleague.DisplayName, ["SelectedRoles"] = "Staff" }, "form.card");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await colleagueBrowser.GetAsync("admin/features")).StatusCode);

        var again = await app.SignedInClientAsync(practice, colleague);
        Assert.Equal(HttpStatusCode.Redirect, (await again.GetAsync("admin/features")).StatusCode);
        Assert.Contains("access-denied", (await again.GetAsync("admin/features")).Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_last_administrator_cannot_be_demoted_or_disabled()
    {
        var app = await apps.For(DatabaseProvider.Sqlite);
        var practice = await app.CreatePracticeAsync();
        var onlyAdmin = await app.AddAdministratorAsync(practice);
        var browser = await app.SignedInClientAsync(practice, onlyAdmin);
        await app.InPracticeAsync(practice, async sp =>
        {
            // The practice's invited administrator from setup has never signed in; disable them so one remains.
            var users = sp.GetRequiredService<UserManager<PortalUser>>();
            var setupAdmin = await users.FindByEmailAsync($"admin@{practice.Name}.example");
            await sp.GetRequiredService<Portal.Identity.Services.UserAccounts>().DisableAsync(setupAdmin!);
        });

        var demote = await browser.SubmitFormAsync($"admin/users/{onlyAdmin.Id}", new() { ["DisplayName"] = "Me", ["SelectedRoles"] = "Staff" }, "form.card");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, demote.StatusCode);
        Assert.Contains("at least one enabled administrator", await demote.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory, BothDatabases]
    public async Task A_custom_role_grants_exactly_its_permissions_and_per_user_grants_add_to_them(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var practice = await app.CreatePracticeAsync();
        var admin = await app.SignedInClientAsync(practice, await app.AddAdministratorAsync(practice));

        var created = await admin.SubmitFormAsync("admin/roles", new() { ["NewName"] = "Outbox Reader", ["NewDescription"] = "Reads the outbox" });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var rolePath = created.Headers.Location!.ToString().TrimStart('/');
        var saved = await admin.SubmitFormAsync(rolePath, new() { ["Granted"] = "Outbox.View" }, "form.card");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var member = await app.AddUserAsync(practice, $"reader-{Guid.NewGuid():N}@{practice.Name}.example", UserKind.Staff, ["Outbox Reader"]);
        var memberBrowser = await app.SignedInClientAsync(practice, member);
        Assert.Equal(HttpStatusCode.OK, (await memberBrowser.GetAsync("admin/outbox")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await memberBrowser.GetAsync("admin/features")).StatusCode);

        // A per-user grant adds Features.Manage for this person only.
        var edit = await admin.GetDocumentAsync($"admin/users/{member.Id}");
        var form = (IHtmlFormElement)edit.QuerySelector("form.card")!;
        var grant = await admin.PostFormAsync(form, new() { ["DisplayName"] = member.DisplayName, ["SelectedRoles"] = "Outbox Reader", ["Grants"] = "Features.Manage" }, $"admin/users/{member.Id}");
        Assert.Equal(HttpStatusCode.Redirect, grant.StatusCode);
        var fresh = await app.SignedInClientAsync(practice, member);
        Assert.Equal(HttpStatusCode.OK, (await fresh.GetAsync("admin/features")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await fresh.GetAsync("admin/users")).StatusCode);
    }
}
