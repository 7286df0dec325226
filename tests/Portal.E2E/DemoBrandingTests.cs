using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Portal.E2E.Infrastructure;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Portal.E2E;

/// <summary>
/// The demo practice's client site carries its branding (name, logo, colors) at both of its
/// addresses; also saves the screenshots used by the README.
/// </summary>
public sealed class DemoBrandingTests(DemoAppFixture demo, BrowserFixture browser)
    : IClassFixture<DemoAppFixture>, IClassFixture<BrowserFixture>
{
    private const string PrimaryColor = "#1d6b5f";
    private const string AccentColor = "#d9822b";
    private const string PrimaryRgb = "rgb(29, 107, 95)";

    [Theory]
    [InlineData("subdomain")]
    [InlineData("path")]
    public async Task Home_page_shows_the_practice_name_logo_and_colors(string address)
    {
        var app = demo.App;
        var url = address == "subdomain" ? app.PracticeUrl(DemoPractice.Name) + "/" : app.PracticePathUrl(DemoPractice.Name) + "/";
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();

        var response = await page.GotoAsync(url);
        Assert.NotNull(response);
        Assert.Equal(200, response.Status);
        await Expect(page).ToHaveTitleAsync(new Regex(Regex.Escape(DemoPractice.DisplayName)));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = DemoPractice.DisplayName, Level = 1 })).ToBeVisibleAsync();

        var logo = page.Locator("img.brand-logo");
        await Expect(logo).ToBeVisibleAsync();
        await Expect(logo).ToHaveAttributeAsync("src", new Regex("/branding/logo"));
        var logoWidth = await logo.EvaluateAsync<int>(
            "img => img.complete ? img.naturalWidth : new Promise(resolve => { img.onload = () => resolve(img.naturalWidth); img.onerror = () => resolve(0); })");
        Assert.True(logoWidth > 0, $"The logo at {await logo.GetAttributeAsync("src")} did not load (naturalWidth {logoWidth}).");

        // /branding.css defines the practice's colors as custom properties on :root.
        Assert.Equal(PrimaryColor, await CustomPropertyAsync(page, "--brand-primary"));
        Assert.Equal(AccentColor, await CustomPropertyAsync(page, "--brand-accent"));

        // The theme's CSS paints primary buttons with the practice's primary color.
        var signIn = page.GetByRole(AriaRole.Link, new() { Name = "Sign in to your portal" });
        await Expect(signIn).ToBeVisibleAsync();
        await Expect(signIn).ToHaveCSSAsync("background-color", PrimaryRgb);
    }

    [Fact]
    public async Task Saves_screenshots_of_the_demo_home_page_and_practice_admin()
    {
        var app = demo.App;
        var folder = TestEnvironment.ScreenshotDirectory;
        Directory.CreateDirectory(folder);
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();

        await page.GotoAsync(app.PracticeUrl(DemoPractice.Name) + "/");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = DemoPractice.DisplayName, Level = 1 })).ToBeVisibleAsync();
        var home = Path.Combine(folder, "demo-home.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = home, FullPage = true });

        await PracticeSite.SignInAsync(page, app.PracticeUrl(DemoPractice.Name), DemoPractice.AdminEmail, AppProcess.DemoPassword);
        await Expect(page).ToHaveURLAsync(new Regex($"^{Regex.Escape(app.PracticeUrl(DemoPractice.Name))}/admin/?$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Dashboard", Level = 1 })).ToBeVisibleAsync();
        var admin = Path.Combine(folder, "demo-admin-dashboard.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = admin, FullPage = true });

        Assert.True(new FileInfo(home).Length > 0, $"{home} is empty.");
        Assert.True(new FileInfo(admin).Length > 0, $"{admin} is empty.");
    }

    private static Task<string> CustomPropertyAsync(IPage page, string name)
        => page.EvaluateAsync<string>(
            "name => getComputedStyle(document.documentElement).getPropertyValue(name).trim()", name);
}
