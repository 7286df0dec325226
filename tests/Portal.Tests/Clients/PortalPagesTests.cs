using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Clients.Models;
using Portal.Core.Contracts;
using Portal.Core.Data;
using Portal.Identity.Models;
using Portal.Notifications.Data;
using Portal.Notifications.Models;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Clients;

/// <summary>Portals through the admin pages: their clients, their users, access and invitations.</summary>
public sealed class PortalPagesTests(SharedApps apps) : IClassFixture<SharedApps>
{
    [Theory, BothDatabases]
    public async Task A_client_cannot_be_in_two_portals(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var practice = await app.CreatePracticeAsync();
        var client = await app.AddClientRecordAsync(practice, "Jordan Lee", "C-1");
        var browser = await app.SignedInClientAsync(practice, await app.AddStaffAsync(practice));

        var created = await browser.SubmitFormAsync("admin/portals/new", new() { ["Name"] = "Lee household" });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var household = created.Headers.Location!.ToString().TrimStart('/');
        var other = await app.AddPortalAsync(practice, "Another portal");

        var added = await browser.SubmitFormAsync($"{household}?clientq=jordan", [], "form[action*='handler=AddClient']");
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var page = await browser.GetDocumentAsync(household);
        Assert.Equal(["Jordan Lee"], page.QuerySelectorAll("[data-testid=portal-clients] tbody tr td:first-child a").Select(a => a.TextContent.Trim()).ToList());

        // The other portal offers no Add button for it, and a forged request is refused with the reason.
        var offer = await browser.GetDocumentAsync($"admin/portals/{other.Id}?clientq=C-1");
        Assert.Null(offer.QuerySelector("[data-testid=client-candidates] form"));
        Assert.Contains("In Lee household", offer.QuerySelector("[data-testid=client-candidates]")!.TextContent, StringComparison.Ordinal);
        var token = await browser.AntiforgeryTokenAsync($"admin/portals/{other.Id}");
        var forged = await browser.PostAsync($"admin/portals/{other.Id}?handler=AddClient", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["clientId"] = client.Id.ToString() }));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, forged.StatusCode);
        Assert.Contains("already in the portal Lee household", HtmlForms.Parse(await forged.Content.ReadAsStringAsync()).QuerySelector("[data-testid=client-error]")!.TextContent, StringComparison.Ordinal);

        // The database refuses it too, whatever the code path.
        await Assert.ThrowsAsync<DbUpdateException>(() => app.InClientsDbAsync(practice, async db =>
        {
            db.PortalClients.Add(new PortalClient { Id = Guid.CreateVersion7(), PortalId = other.Id, ClientId = client.Id, AddedAt = DateTime.UtcNow });
            return await db.SaveChangesAsync();
        }));
        Assert.Equal(1, await app.InClientsDbAsync(practice, db => db.PortalClients.CountAsync()));

        // Once removed from the first portal, it can join the other.
        var removed = await browser.SubmitFormAsync(household, [], "form[action*='handler=RemoveClient']");
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SubmitFormAsync($"admin/portals/{other.Id}?clientq=C-1", [], "form[action*='handler=AddClient']")).StatusCode);
        Assert.Equal(other.Id, await app.InClientsDbAsync(practice, db => db.PortalClients.Select(pc => pc.PortalId).SingleAsync()));
    }

    [Theory, BothDatabases]
    public async Task Adding_a_portal_user_creates_the_client_user_and_queues_the_invitation_for_review(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var practice = await app.CreatePracticeAsync();
        var portal = await app.AddPortalAsync(practice, "Lee household");
        var browser = await app.SignedInClientAsync(practice, await app.AddStaffAsync(practice));
        var email = $"jordan-{Guid.NewGuid():N}@example.com";

        var response = await browser.SubmitFormAsync($"admin/portals/{portal.Id}", new()
        {
            ["NewUser.Email"] = email,
            ["NewUser.DisplayName"] = "Jordan Lee",
            ["NewUser.Access"] = "Full",
            ["NewUser.Invite"] = "Link",
        }, "form[action*='handler=AddUser']");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await browser.GetDocumentAsync($"admin/portals/{portal.Id}");
        Assert.Contains("Invitation queued in Portal reminders", page.QuerySelector(".alert-success")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Jordan Lee", page.QuerySelector($"[data-testid=portal-users] [data-email='{email}']")!.TextContent, StringComparison.Ordinal);

        var user = await app.InPracticeAsync(practice, sp => sp.GetRequiredService<IUserDirectory>().FindByEmailAsync(email));
        Assert.NotNull(user);
        Assert.False(user.IsStaff);
        var reminder = await app.InPracticeAsync(practice, sp => sp.GetRequiredService<NotificationsDbContext>().Reminders.AsNoTracking().SingleAsync(r => r.Recipient == email));
        Assert.Equal(ReminderState.Ready, reminder.State);
        Assert.Equal(user.Id, reminder.UserId);
        var member = await app.InClientsDbAsync(practice, db => db.PortalMembers.SingleAsync(m => m.PortalId == portal.Id));
        Assert.Equal((user.Id, PortalAccess.Full), (member.UserId, member.Access));
        Assert.Contains(AuditActions.PortalAccessGranted, await app.AuditActionsAsync(practice));

        // The same person again: refused, with what was typed kept.
        var twice = await browser.SubmitFormAsync($"admin/portals/{portal.Id}", new() { ["NewUser.Email"] = email, ["NewUser.DisplayName"] = "Kept Name" }, "form[action*='handler=AddUser']");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, twice.StatusCode);
        var refused = HtmlForms.Parse(await twice.Content.ReadAsStringAsync());
        Assert.Contains("already has access", refused.QuerySelector("#newuser-email-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Kept Name", refused.QuerySelector("input[name='NewUser.DisplayName']")!.GetAttribute("value"));
    }

    [Theory, BothDatabases]
    public async Task A_temporary_password_is_shown_once_and_never_kept(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var practice = await app.CreatePracticeAsync();
        var portal = await app.AddPortalAsync(practice, "Harbour Bakery");
        var browser = await app.SignedInClientAsync(practice, await app.AddStaffAsync(practice));
        var email = $"banker-{Guid.NewGuid():N}@example.com";
        var until = (await app.TodayAsync(practice)).AddDays(30);

        var response = await browser.SubmitFormAsync($"admin/portals/{portal.Id}", new()
        {
            ["NewUser.Email"] = email,
            ["NewUser.DisplayName"] = "Morgan Bank Advisor",
            ["NewUser.Access"] = "Contributor",
            ["NewUser.ExpiresOn"] = until.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["NewUser.Invite"] = "TemporaryPassword",
        }, "form[action*='handler=AddUser']");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore);
        var page = HtmlForms.Parse(await response.Content.ReadAsStringAsync());
        var password = page.QuerySelector("[data-testid=temporary-password-value]")!.TextContent.Trim();
        Assert.True(password.Length >= 12, password);
        Assert.Contains("securely", page.QuerySelector("[data-testid=temporary-password]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("only time", page.QuerySelector("[data-testid=temporary-password]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("", page.QuerySelector("input[name='NewUser.Email']")!.GetAttribute("value") ?? "");

        var user = await app.InPracticeAsync(practice, sp => sp.GetRequiredService<UserManager<PortalUser>>().FindByEmailAsync(email));
        Assert.True(await app.InPracticeAsync(practice, sp => sp.GetRequiredService<UserManager<PortalUser>>().CheckPasswordAsync(user!, password)));
        Assert.True(user!.MustChangePassword);
        var member = await app.InClientsDbAsync(practice, db => db.PortalMembers.SingleAsync(m => m.UserId == user.Id));
        Assert.Equal((PortalAccess.Contributor, (DateOnly?)until), (member.Access, member.ExpiresOn));

        // Shown once: the page never shows it again, and nothing of the module holds it.
        var again = await browser.GetAsync($"admin/portals/{portal.Id}");
        Assert.DoesNotContain(password, await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(await app.InClientsDbAsync(practice, db => db.PendingImports.AnyAsync()));
    }

    [Theory, BothDatabases]
    public async Task Re_inviting_a_user_who_has_signed_in_resets_nothing(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var practice = await app.CreatePracticeAsync();
        var portal = await app.AddPortalAsync(practice, "Lee household");
        var person = await app.AddClientAsync(practice);
        await app.SignedInClientAsync(practice, person);
        await app.GrantAsync(practice, portal.Id, person, PortalAccess.Full);
        var browser = await app.SignedInClientAsync(practice, await app.AddStaffAsync(practice));

        var page = await browser.GetDocumentAsync($"admin/portals/{portal.Id}");
        var form = (AngleSharp.Html.Dom.IHtmlFormElement)page.QuerySelector($"[data-email='{person.Email}'] form[action*='handler=Invite']")!;
        var response = await browser.PostFormAsync(form, new() { ["method"] = "TemporaryPassword" }, $"admin/portals/{portal.Id}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("already signed in, so no invitation was sent and nothing was reset", (await browser.GetDocumentAsync($"admin/portals/{portal.Id}")).QuerySelector(".alert-success")!.TextContent, StringComparison.Ordinal);
        await app.SignedInClientAsync(practice, person); // the old password still works
    }

    [Theory, BothDatabases]
    public async Task Staff_change_access_and_email_and_remove_users_with_clear_messages(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var practice = await app.CreatePracticeAsync();
        var portal = await app.AddPortalAsync(practice, "Lee household");
        var staff = await app.AddStaffAsync(practice);
        var person = await app.AddClientAsync(practice);
        await app.GrantAsync(practice, portal.Id, person, PortalAccess.Contributor);
        var browser = await app.SignedInClientAsync(practice, staff);
        var path = $"admin/portals/{portal.Id}";
        var row = $"[data-testid=portal-users] [data-email='{person.Email}']";

        // A staff member's address cannot become a portal user.
        var staffAddress = await browser.SubmitFormAsync(path, new() { ["NewUser.Email"] = staff.Email!, ["NewUser.DisplayName"] = "Staff" }, "form[action*='handler=AddUser']");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, staffAddress.StatusCode);
        Assert.Contains("staff member", HtmlForms.Parse(await staffAddress.Content.ReadAsStringAsync()).QuerySelector("#newuser-email-error")!.TextContent, StringComparison.Ordinal);

        var today = await app.TodayAsync(practice);
        var fullWithDate = await browser.SubmitFormAsync(path, new() { ["access"] = "Full", ["expiresOn"] = today.AddDays(5).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) }, $"{row} form[action*='handler=ChangeAccess']");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, fullWithDate.StatusCode);
        var failed = HtmlForms.Parse(await fullWithDate.Content.ReadAsStringAsync());
        Assert.Contains("Only contributor access can end on a date", failed.QuerySelector($"{row} [data-testid=row-error]")!.TextContent, StringComparison.Ordinal);
        Assert.True(failed.QuerySelector($"{row} details")!.HasAttribute("open"));

        var past = await browser.SubmitFormAsync(path, new() { ["access"] = "Contributor", ["expiresOn"] = today.AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) }, $"{row} form[action*='handler=ChangeAccess']");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, past.StatusCode);

        var until = today.AddDays(10);
        var changed = await browser.SubmitFormAsync(path, new() { ["access"] = "Contributor", ["expiresOn"] = until.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) }, $"{row} form[action*='handler=ChangeAccess']");
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal(until, await app.InClientsDbAsync(practice, db => db.PortalMembers.Select(m => m.ExpiresOn).SingleAsync()));
        var full = await browser.SubmitFormAsync(path, new() { ["access"] = "Full", ["expiresOn"] = "" }, $"{row} form[action*='handler=ChangeAccess']");
        Assert.Equal(HttpStatusCode.Redirect, full.StatusCode);
        Assert.Equal((PortalAccess.Full, (DateOnly?)null), await app.InClientsDbAsync(practice, db => db.PortalMembers.Select(m => new ValueTuple<PortalAccess, DateOnly?>(m.Access, m.ExpiresOn)).SingleAsync()));

        var badEmail = await browser.SubmitFormAsync(path, new() { ["newEmail"] = "not-an-address" }, $"{row} form[action*='handler=ChangeEmail']");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, badEmail.StatusCode);
        Assert.Equal("not-an-address", HtmlForms.Parse(await badEmail.Content.ReadAsStringAsync()).QuerySelector($"{row} input[name=newEmail]")!.GetAttribute("value"));

        var newEmail = $"new-{Guid.NewGuid():N}@example.com";
        var emailChange = await browser.SubmitFormAsync(path, new() { ["newEmail"] = newEmail }, $"{row} form[action*='handler=ChangeEmail']");
        Assert.Equal(HttpStatusCode.Redirect, emailChange.StatusCode);
        var page = await browser.GetDocumentAsync(path);
        Assert.Contains("A confirmation was sent to the new address", page.QuerySelector(".alert-success")!.TextContent, StringComparison.Ordinal);
        Assert.Contains($"keeps signing in with {person.Email} until they confirm", page.QuerySelector(".alert-success")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(newEmail, (await app.InPracticeAsync(practice, sp => sp.GetRequiredService<IUserDirectory>().FindAsync(person.Id)))!.PendingEmail);

        var removed = await browser.SubmitFormAsync(path, [], $"{row} form[action*='handler=RemoveUser']");
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.False(await app.InClientsDbAsync(practice, db => db.PortalMembers.AnyAsync()));
        var actions = await app.AuditActionsAsync(practice);
        Assert.Contains(AuditActions.PortalAccessChanged, actions);
        Assert.Contains(AuditActions.PortalAccessRevoked, actions);
    }

    [Theory, BothDatabases]
    public async Task The_portal_list_searches_by_portal_and_client_name_and_pages(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var practice = await app.CreatePracticeAsync();
        var bakery = await app.AddClientRecordAsync(practice, "Harbour Bakery Ltd");
        for (var i = 1; i <= 26; i++)
        {
            await app.AddPortalAsync(practice, $"Portal {i:00}");
        }

        await app.AddPortalAsync(practice, "Zeta", bakery.Id);
        var browser = await app.SignedInClientAsync(practice, await app.AddStaffAsync(practice));

        var first = await browser.GetDocumentAsync("admin/portals");
        Assert.Equal(25, first.QuerySelectorAll("[data-testid=portals] tbody tr").Length);
        Assert.Equal(2, (await browser.GetDocumentAsync("admin/portals?page=2")).QuerySelectorAll("[data-testid=portals] tbody tr").Length);
        var found = await browser.GetDocumentAsync("admin/portals?q=bakery");
        Assert.Equal(["Zeta"], found.QuerySelectorAll("[data-testid=portals] tbody tr td:first-child").Select(td => td.TextContent.Trim()).ToList());

        var duplicate = await browser.SubmitFormAsync("admin/portals/new", new() { ["Name"] = "zeta" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, duplicate.StatusCode);
        Assert.Contains("already a portal called", HtmlForms.Parse(await duplicate.Content.ReadAsStringAsync()).QuerySelector("#name-error")!.TextContent, StringComparison.Ordinal);
    }
}
