using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Portal.E2E.Infrastructure;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Portal.E2E;

/// <summary>
/// The operator creates a practice in the host admin; its administrator receives the set-password
/// e-mail through the real SMTP server, follows the link in Chromium, chooses a password, signs out
/// and in again; the link then no longer works. On SQLite and on PostgreSQL.
/// </summary>
public sealed class PracticeCreationTests(AppProcessPool apps, BrowserFixture browser)
    : IClassFixture<AppProcessPool>, IClassFixture<BrowserFixture>
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Operator_creates_practice_and_its_administrator_sets_a_password_from_the_emailed_link(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var startedAt = DateTime.UtcNow;
        var suffix = PracticeSite.RandomSuffix();
        var name = "e2e" + suffix;
        var displayName = $"E2E Practice {suffix}";
        var adminEmail = $"admin-{suffix}@{name}.example";
        const string newPassword = "Harbour-Lantern-Pebble-42";

        // The operator creates the practice.
        await using (var operatorContext = await browser.NewContextAsync())
        {
            var page = await operatorContext.NewPageAsync();
            await page.GotoAsync($"{app.BaseUrl}/admin/signin");
            await page.GetByLabel("E-mail address").FillAsync(AppProcess.OperatorEmail);
            await page.GetByLabel("Password", new() { Exact = true }).FillAsync(AppProcess.OperatorPassword);
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
            await Expect(page).ToHaveURLAsync($"{app.BaseUrl}/admin");

            await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "New practice" }).ClickAsync();
            await Expect(page).ToHaveURLAsync($"{app.BaseUrl}/admin/practices/new");
            await page.GetByLabel("Portal address").FillAsync(name);
            await page.GetByLabel("Practice name").FillAsync(displayName);
            await page.GetByLabel("Administrator's name").FillAsync("Dana Whitfield");
            await page.GetByLabel("Administrator's e-mail").FillAsync(adminEmail);
            await page.GetByLabel("Setup recipe").SelectOptionAsync(new SelectOptionValue { Value = "practice" });
            await page.GetByRole(AriaRole.Button, new() { Name = "Create practice" }).ClickAsync();

            await Expect(page).ToHaveURLAsync($"{app.BaseUrl}/admin/practices/{name}");
            await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"{displayName} is ready");
            await Expect(page.GetByTestId("practice-state")).ToHaveTextAsync("Running");
        }

        // The administrator's e-mail, as received by the SMTP server.
        var mail = await MaildirReader.WaitForMessageAsync(adminEmail, startedAt);
        Assert.Equal($"Your {displayName} portal is ready", mail.Subject);
        Assert.Contains("Dana Whitfield", mail.Text, StringComparison.Ordinal);
        var link = mail.SetPasswordLink(app.PracticeUrl(name));

        // The administrator follows the link, chooses a password and lands on the practice admin.
        await using var adminContext = await browser.NewContextAsync();
        var adminPage = await adminContext.NewPageAsync();
        await PracticeSite.SetPasswordAsync(adminPage, link, adminEmail, newPassword);

        await Expect(adminPage).ToHaveURLAsync(new Regex($"^{Regex.Escape(app.PracticeUrl(name))}/admin/?$"));
        Assert.Equal($"{name}.localhost", new Uri(adminPage.Url).Host);
        await Expect(adminPage.GetByRole(AriaRole.Heading, new() { Name = "Dashboard", Level = 1 })).ToBeVisibleAsync();

        // Signs out, then in again with the new password.
        await adminPage.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(adminPage).ToHaveURLAsync(new Regex($"^{Regex.Escape(app.PracticeUrl(name))}/?$"));
        await adminPage.GotoAsync($"{app.PracticeUrl(name)}/admin");
        await Expect(adminPage).ToHaveURLAsync(new Regex($"^{Regex.Escape(app.PracticeUrl(name))}/account/signin"));

        await PracticeSite.SignInAsync(adminPage, app.PracticeUrl(name), adminEmail, newPassword);
        await Expect(adminPage).ToHaveURLAsync(new Regex($"^{Regex.Escape(app.PracticeUrl(name))}/admin/?$"));
        await Expect(adminPage.GetByRole(AriaRole.Heading, new() { Name = "Dashboard", Level = 1 })).ToBeVisibleAsync();

        // The link worked once.
        await adminPage.GotoAsync(link);
        await Expect(adminPage.GetByRole(AriaRole.Heading, new() { Name = "This link has already been used", Level = 1 })).ToBeVisibleAsync();
        await Expect(adminPage.GetByTestId("link-problem")).ToContainTextAsync("this one has been used to set a password");
        await Expect(adminPage.GetByLabel("New password")).ToHaveCountAsync(0);
    }
}
