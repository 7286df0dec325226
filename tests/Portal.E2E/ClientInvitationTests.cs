using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Portal.E2E.Infrastructure;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Portal.E2E;

/// <summary>
/// Staff give a new person access to a client's portal in the practice admin; the invitation waits in
/// Portal reminders until staff send it; the e-mail arrives through the real SMTP server and its
/// set-password link brings the client into their portal, once. A link past its lifetime is refused.
/// On SQLite, with the demo practice (the expiry on a second instance with short-lived links).
/// </summary>
[Collection(DemoRemindersCollection.Name)]
public sealed class ClientInvitationTests(DemoAppFixture demo, ShortInvitationLinksAppFixture shortLinks, BrowserFixture browser)
    : IClassFixture<DemoAppFixture>, IClassFixture<ShortInvitationLinksAppFixture>, IClassFixture<BrowserFixture>
{
    private const string PortalName = "Harbour Bakery";
    private const string PortalClientName = "Harbour Bakery Ltd";
    private const string NewPassword = "Flour-Harbour-Kettle-31";

    [Fact]
    public async Task Staff_invite_a_portal_user_who_sets_a_password_from_the_emailed_link_once()
    {
        var practiceUrl = demo.App.PracticeUrl(DemoPractice.Name);
        var suffix = PracticeSite.RandomSuffix();
        var email = $"invited-{suffix}@bakery.example";
        var displayName = $"Robin Baker {suffix}";

        await using var staffContext = await browser.NewContextAsync();
        var staff = await staffContext.NewPageAsync();
        await PracticeSite.SignInAsync(staff, practiceUrl, DemoPractice.StaffEmail, AppProcess.DemoPassword);
        await Expect(staff.GetByRole(AriaRole.Heading, new() { Name = "Dashboard", Level = 1 })).ToBeVisibleAsync();
        var readyBefore = await ReadyRemindersAsync(staff);

        // Gives the new person access to the portal, inviting them by e-mail.
        var startedAt = DateTime.UtcNow;
        await GiveAccessAsync(staff, email, displayName);
        await Expect(staff.GetByRole(AriaRole.Status)).ToHaveTextAsync(
            $"{displayName} ({email}) now has full access to {PortalName}. Invitation queued in Portal reminders: it is e-mailed to {email} when you send it from there.");
        var member = Member(staff, email);
        await Expect(member).ToContainTextAsync(displayName);
        await Expect(member).ToContainTextAsync("Full access");

        // The invitation waits: the dashboard counts it, and nothing has been e-mailed.
        await staff.GetByRole(AriaRole.Navigation, new() { Name = "Practice admin" }).GetByRole(AriaRole.Link, new() { Name = "Dashboard" }).ClickAsync();
        await Expect(staff.GetByRole(AriaRole.Heading, new() { Name = "Dashboard", Level = 1 })).ToBeVisibleAsync();
        Assert.Equal(readyBefore + 1, await ReadyRemindersAsync(staff));
        await Assert.ThrowsAsync<TimeoutException>(() => MaildirReader.WaitForMessageAsync(email, startedAt, TimeSpan.FromSeconds(1)));

        // Staff send it from the reminders queue; the e-mail arrives through the SMTP server.
        await ReminderTile(staff).ClickAsync();
        await Expect(staff).ToHaveURLAsync(new Regex($"^{Regex.Escape(practiceUrl)}/admin/reminders"));
        var link = await SendInvitationAsync(staff, email, startedAt, practiceUrl);
        await staff.GetByRole(AriaRole.Navigation, new() { Name = "Practice admin" }).GetByRole(AriaRole.Link, new() { Name = "Dashboard" }).ClickAsync();
        Assert.Equal(readyBefore, await ReadyRemindersAsync(staff));

        // The client follows the link in a browser of their own, chooses a password and is in their portal.
        await using var clientContext = await browser.NewContextAsync();
        var client = await clientContext.NewPageAsync();
        await PracticeSite.SetPasswordAsync(client, link, email, NewPassword);
        await Expect(client).ToHaveURLAsync(new Regex($"^{Regex.Escape(practiceUrl)}/?$"));
        await Expect(client.GetByRole(AriaRole.Heading, new() { Name = $"Welcome, {displayName}", Level = 1 })).ToBeVisibleAsync();
        var portalCard = client.GetByRole(AriaRole.Link).Filter(new() { Has = client.GetByRole(AriaRole.Heading, new() { Name = PortalName, Exact = true }) });
        await Expect(portalCard).ToContainTextAsync($"{PortalClientName} · Full access");
        await Expect(client.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Documents" })).ToBeVisibleAsync();

        // The link worked once: used again, even in another browser, it is refused and says why.
        await using var laterContext = await browser.NewContextAsync();
        var later = await laterContext.NewPageAsync();
        var again = await later.GotoAsync(link);
        Assert.Equal((int)HttpStatusCode.BadRequest, again!.Status);
        await Expect(later.GetByRole(AriaRole.Heading, new() { Name = "This link has already been used", Level = 1 })).ToBeVisibleAsync();
        await Expect(later.GetByTestId("link-problem")).ToHaveTextAsync(
            $"Each link works once, and this one has been used to set a password. Sign in with that password, or ask {DemoPractice.DisplayName} to send a new link.");
        await Expect(later.GetByLabel("New password")).ToHaveCountAsync(0);

        // The password chosen is the one that signs them in.
        await PracticeSite.SignInAsync(later, practiceUrl, email, NewPassword);
        await Expect(later.GetByRole(AriaRole.Heading, new() { Name = $"Welcome, {displayName}", Level = 1 })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_set_password_link_past_its_lifetime_is_refused()
    {
        // Whether a form opened in time and saved too late is refused is proven with a test clock in
        // SetPasswordLinkTests; here the real clock runs, so the test only ever waits past the lifetime.
        var lifetime = ShortInvitationLinksAppFixture.InvitationLifetime;
        var practiceUrl = shortLinks.App.PracticeUrl(DemoPractice.Name);
        var suffix = PracticeSite.RandomSuffix();
        var email = $"late-{suffix}@bakery.example";
        var displayName = $"Kim Late {suffix}";

        await using var staffContext = await browser.NewContextAsync();
        var staff = await staffContext.NewPageAsync();
        await PracticeSite.SignInAsync(staff, practiceUrl, DemoPractice.StaffEmail, AppProcess.DemoPassword);
        var startedAt = DateTime.UtcNow;
        await GiveAccessAsync(staff, email, displayName);
        await Expect(staff.GetByRole(AriaRole.Status)).ToContainTextAsync("Invitation queued in Portal reminders");
        await staff.GotoAsync($"{practiceUrl}/admin/reminders");
        var link = await SendInvitationAsync(staff, email, startedAt, practiceUrl);

        // The link was issued before its e-mail arrived, so once this much time has passed it is past its lifetime.
        await Task.Delay(lifetime + TimeSpan.FromSeconds(1));

        await using var clientContext = await browser.NewContextAsync();
        var client = await clientContext.NewPageAsync();
        var opened = await client.GotoAsync(link);
        Assert.Equal((int)HttpStatusCode.Gone, opened!.Status);
        await Expect(client.GetByRole(AriaRole.Heading, new() { Name = "This link has expired", Level = 1 })).ToBeVisibleAsync();
        await Expect(client.GetByTestId("link-problem")).ToHaveTextAsync(
            $"For your security, links stop working after a while. Ask {DemoPractice.DisplayName} to send you a new one.");
        await Expect(client.GetByLabel("New password")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Staff_see_that_a_user_who_set_a_password_from_the_link_has_signed_in()
    {
        var practiceUrl = demo.App.PracticeUrl(DemoPractice.Name);
        var suffix = PracticeSite.RandomSuffix();
        var email = $"active-{suffix}@bakery.example";
        var displayName = $"Ash Active {suffix}";

        await using var staffContext = await browser.NewContextAsync();
        var staff = await staffContext.NewPageAsync();
        await PracticeSite.SignInAsync(staff, practiceUrl, DemoPractice.StaffEmail, AppProcess.DemoPassword);
        var startedAt = DateTime.UtcNow;
        await GiveAccessAsync(staff, email, displayName);
        var portalPage = staff.Url;
        await Expect(Member(staff, email)).ToContainTextAsync("Not signed in yet");
        await staff.GotoAsync($"{practiceUrl}/admin/reminders");
        var link = await SendInvitationAsync(staff, email, startedAt, practiceUrl);

        await using var clientContext = await browser.NewContextAsync();
        var client = await clientContext.NewPageAsync();
        await PracticeSite.SetPasswordAsync(client, link, email, NewPassword);
        await Expect(client.GetByRole(AriaRole.Heading, new() { Name = $"Welcome, {displayName}", Level = 1 })).ToBeVisibleAsync();

        await staff.GotoAsync(portalPage);
        var member = Member(staff, email);
        await Expect(member).ToContainTextAsync("Last signed in");
        await member.Locator("summary").ClickAsync();
        await Expect(member.GetByRole(AriaRole.Button, new() { Name = "Re-send invitation" })).ToBeVisibleAsync();
    }

    /// <summary>Opens the demo portal from the admin's list and gives a new person full access, invited by e-mail.</summary>
    private static async Task GiveAccessAsync(IPage staff, string email, string displayName)
    {
        var nav = staff.GetByRole(AriaRole.Navigation, new() { Name = "Practice admin" });
        await nav.GetByRole(AriaRole.Link, new() { Name = "Portals", Exact = true }).ClickAsync();
        await Expect(staff.GetByRole(AriaRole.Heading, new() { Name = "Portals", Level = 1 })).ToBeVisibleAsync();
        await staff.GetByTestId("portals").GetByRole(AriaRole.Link, new() { Name = PortalName, Exact = true }).ClickAsync();
        await Expect(staff.GetByRole(AriaRole.Heading, new() { Name = PortalName, Level = 1 })).ToBeVisibleAsync();

        var form = staff.GetByRole(AriaRole.Region, new() { Name = "Give someone access" });
        await form.GetByLabel("E-mail address", new() { Exact = true }).FillAsync(email);
        await form.GetByLabel("Name", new() { Exact = true }).FillAsync(displayName);
        await form.GetByLabel("Full access: everything of this portal's clients").CheckAsync();
        await form.GetByLabel("E-mail a link to choose a password").CheckAsync();
        await form.GetByRole(AriaRole.Button, new() { Name = "Give access" }).ClickAsync();
    }

    /// <summary>On the Portal reminders page, sends the invitation to <paramref name="email"/>; returns the link in the e-mail received.</summary>
    private static async Task<string> SendInvitationAsync(IPage staff, string email, DateTime startedAt, string practiceUrl)
    {
        await Expect(staff.GetByRole(AriaRole.Heading, new() { Name = "Portal reminders", Level = 1 })).ToBeVisibleAsync();
        var reminder = staff.GetByRole(AriaRole.Row).Filter(new() { HasText = email });
        await Expect(reminder).ToContainTextAsync("Invitation");
        await reminder.GetByRole(AriaRole.Button, new() { Name = "Send", Exact = true }).ClickAsync();
        await Expect(staff.GetByRole(AriaRole.Status)).ToHaveTextAsync($"Sent to {email}.");
        await Expect(staff.GetByRole(AriaRole.Row).Filter(new() { HasText = email })).ToHaveCountAsync(0);

        var mail = await MaildirReader.WaitForMessageAsync(email, startedAt);
        return mail.SetPasswordLink(practiceUrl);
    }

    /// <summary>A user's entry in the Users list of a portal's admin page.</summary>
    private static ILocator Member(IPage staff, string email)
        => staff.GetByTestId("portal-users").GetByRole(AriaRole.Listitem).Filter(new() { HasText = email });

    private static ILocator ReminderTile(IPage staff)
        => staff.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("portal reminders? ready to be sent", RegexOptions.IgnoreCase) });

    /// <summary>The number on the dashboard's "N portal reminders ready to be sent" tile.</summary>
    private static async Task<int> ReadyRemindersAsync(IPage staff)
    {
        var tile = ReminderTile(staff);
        await Expect(tile).ToBeVisibleAsync();
        var value = await tile.Locator(".stat-value").TextContentAsync();
        return int.Parse(value!.Trim(), NumberStyles.None, CultureInfo.InvariantCulture);
    }
}
