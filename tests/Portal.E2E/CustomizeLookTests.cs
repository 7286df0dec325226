using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Portal.E2E.Infrastructure;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Portal.E2E;

/// <summary>
/// Customize → Look in Chromium: choosing a color warns at once when its text would fall below WCAG AA
/// and reloads the preview frames with the unsaved color, while the client site keeps the published one.
/// Nothing is published, so the demo's colors stay as other tests expect them.
/// </summary>
public sealed class CustomizeLookTests(DemoAppFixture demo, BrowserFixture browser)
    : IClassFixture<DemoAppFixture>, IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_chosen_color_is_previewed_unsaved_and_warned_about_below_aa()
    {
        var practiceUrl = demo.App.PracticeUrl(DemoPractice.Name);
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await PracticeSite.SignInAsync(page, practiceUrl, DemoPractice.AdminEmail, AppProcess.DemoPassword);

        await page.GotoAsync($"{practiceUrl}/admin/customize");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Customize", Level = 1 })).ToBeVisibleAsync();
        var note = page.GetByTestId("PrimaryColor-contrast");
        await Expect(note).ToContainTextAsync("passes WCAG AA");

        // A swatch sets the picker; a mid grey typed into the picker is below AA with either text.
        await page.GetByRole(AriaRole.Button, new() { Name = "Navy (#1b2f52)" }).ClickAsync();
        await Expect(page.Locator("#Input_PrimaryColor")).ToHaveValueAsync("#1b2f52");
        await page.Locator("#Input_PrimaryColor").FillAsync("#777777");
        await Expect(note).ToContainTextAsync("only 4.4:1");
        await Expect(note).ToHaveClassAsync(new Regex("contrast-warning"));

        var home = page.FrameLocator("iframe[data-preview-view=home]");
        await Expect(page.Locator("iframe[data-preview-view=home]")).ToHaveAttributeAsync("src", new Regex("primary=%23777777"));
        await Expect(home.GetByRole(AriaRole.Heading, new() { Name = "Welcome, Jordan" })).ToBeVisibleAsync();
        await Expect(home.Locator(".button-primary")).ToHaveCSSAsync("background-color", "rgb(119, 119, 119)");

        // The client site still has the published color: nothing was saved.
        var published = await page.EvaluateAsync<string>("url => fetch(url).then(r => r.text())", $"{practiceUrl}/branding.css");
        Assert.Contains("--brand-primary:#1d6b5f;", published, StringComparison.Ordinal);

        // The client site's footer leads to the practice's contact details.
        await page.GotoAsync(practiceUrl + "/");
        await page.GetByRole(AriaRole.Link, new() { Name = "How to reach us" }).ClickAsync();
        await Expect(page.GetByTestId("contact-details")).ToContainTextAsync("Monday to Friday, 9:00 to 17:00");
    }
}
