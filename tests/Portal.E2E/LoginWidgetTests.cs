using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Portal.E2E.Infrastructure;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Portal.E2E;

/// <summary>
/// The login widget end to end in Chromium: the demo practice's administrator lists a website and
/// copies the snippet; a static page on another origin (another port) embeds it; a client signs in
/// there and lands on the portal signed in; a wrong password lands on the portal's sign-in page with
/// the message; the same page on an origin not on the list is refused.
/// </summary>
public sealed class LoginWidgetTests(DemoAppFixture demo, BrowserFixture browser)
    : IClassFixture<DemoAppFixture>, IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_client_signs_in_through_the_widget_on_the_firms_website_and_other_websites_are_refused()
    {
        var practiceUrl = demo.App.PracticeUrl(DemoPractice.Name);

        // The administrator copies the snippet; the website it goes on is known only once it runs, so listed then.
        await using var adminContext = await browser.NewContextAsync();
        var admin = await adminContext.NewPageAsync();
        await PracticeSite.SignInAsync(admin, practiceUrl, DemoPractice.AdminEmail, AppProcess.DemoPassword);
        await admin.GotoAsync($"{practiceUrl}/admin/customize/widget");
        var snippet = await admin.GetByLabel("HTML of the sign-in box").InputValueAsync();
        Assert.Contains("/widget/sign-in", snippet, StringComparison.Ordinal);
        await Expect(admin.FrameLocator("iframe.widget-preview").GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Sign in to ") })).ToBeVisibleAsync();

        await using var site = StaticWebsite.Start(snippet);
        var origins = admin.GetByLabel("Website addresses");
        await origins.FillAsync("javascript:alert(1)");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Expect(admin.Locator("#origins-error")).ToContainTextAsync("must start with https://");
        await origins.FillAsync(site.Origin);
        await admin.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Status).First).ToContainTextAsync($"accepted from {site.Origin}");

        // Signing in on the firm's website lands the client in the portal, signed in.
        await using var clientContext = await browser.NewContextAsync();
        var client = await clientContext.NewPageAsync();
        await client.GotoAsync(site.Origin + "/");
        await client.GetByLabel("E-mail address").FillAsync(DemoPractice.ClientEmail);
        await client.GetByLabel("Password").FillAsync(AppProcess.DemoPassword);
        await client.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Sign in to ") }).ClickAsync();
        await Expect(client).ToHaveURLAsync(new Regex("^" + Regex.Escape(practiceUrl) + "/"));
        await Expect(client.GetByRole(AriaRole.Button, new() { Name = "Open Lee household" })).ToBeVisibleAsync();
        await client.GotoAsync($"{practiceUrl}/account");
        await Expect(client).ToHaveURLAsync(new Regex("/account$"));

        // A wrong password lands on the portal's own sign-in page, with the message and the address typed.
        await using var wrongContext = await browser.NewContextAsync();
        var wrong = await wrongContext.NewPageAsync();
        await wrong.GotoAsync(site.Origin + "/");
        await wrong.GetByLabel("E-mail address").FillAsync(DemoPractice.ClientEmail);
        await wrong.GetByLabel("Password").FillAsync("Not-The-Demo-Password-1");
        await wrong.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Sign in to ") }).ClickAsync();
        await Expect(wrong).ToHaveURLAsync(new Regex("^" + Regex.Escape(practiceUrl) + "/account/signin"));
        await Expect(wrong.GetByRole(AriaRole.Alert)).ToContainTextAsync("That e-mail address and password do not match an account.");
        await Expect(wrong.GetByLabel("E-mail address")).ToHaveValueAsync(DemoPractice.ClientEmail);
        Assert.DoesNotContain("Not-The-Demo-Password-1", wrong.Url, StringComparison.Ordinal);

        // The same page on an origin not on the list is refused, and nobody is signed in.
        await using var otherContext = await browser.NewContextAsync();
        var other = await otherContext.NewPageAsync();
        await other.GotoAsync(site.OtherOrigin + "/");
        await other.GetByLabel("E-mail address").FillAsync(DemoPractice.ClientEmail);
        await other.GetByLabel("Password").FillAsync(AppProcess.DemoPassword);
        var refused = await other.RunAndWaitForResponseAsync(
            () => other.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Sign in to ") }).ClickAsync(),
            response => response.Url.EndsWith("/widget/sign-in", StringComparison.Ordinal));
        Assert.Equal(403, refused.Status);
        await Expect(other.GetByRole(AriaRole.Heading, new() { Name = "Sign-in not accepted", Level = 1 })).ToBeVisibleAsync();
        await Expect(other.GetByRole(AriaRole.Main)).ToContainTextAsync($"{site.OtherOrigin}, which is not one of");
        await other.GotoAsync($"{practiceUrl}/account");
        await Expect(other).ToHaveURLAsync(new Regex("/account/signin"));
    }
}
