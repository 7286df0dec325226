using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Portal.E2E.Infrastructure;

/// <summary>Small steps the practice-site tests share: signing in, unique names, waiting for a page to change.</summary>
public static class PracticeSite
{
    /// <summary>Signs in on a practice's sign-in page and waits until the browser has left it.</summary>
    public static async Task SignInAsync(IPage page, string practiceUrl, string email, string password)
    {
        await page.GotoAsync($"{practiceUrl}/account/signin");
        await page.GetByLabel("E-mail address").FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page).Not.ToHaveURLAsync(new Regex("/account/signin"));
    }

    /// <summary>Opens a set-password link, checks it is for <paramref name="email"/>, and saves <paramref name="password"/>.</summary>
    public static async Task SetPasswordAsync(IPage page, string link, string email, string password)
    {
        await page.GotoAsync(link);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Choose your password", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync($"You are setting the password for {email}");
        await page.GetByLabel("New password").FillAsync(password);
        await page.GetByLabel("Repeat the password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save password and sign in" }).ClickAsync();
    }

    /// <summary>Six lower-case letters and digits, to keep names and addresses of one run apart from others.</summary>
    /// <summary>
    /// Chooses files in an uploader once its script is ready (it loads deferred: on a busy machine a
    /// person, or a test, can be quicker than it, and the files would go nowhere).
    /// </summary>
    public static async Task ChooseFilesAsync(ILocator uploader, IEnumerable<FilePayload> files)
    {
        await Assertions.Expect(uploader.Locator("xpath=ancestor-or-self::*[@data-uploader]").First).ToHaveAttributeAsync("data-ready", "");
        await uploader.GetByLabel("choose files").SetInputFilesAsync(files);
    }

    public static string RandomSuffix()
    {
        const string alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        return string.Create(6, alphabet, (chars, source) =>
        {
            for (var i = 0; i < chars.Length; i++)
            {
                chars[i] = source[RandomNumberGenerator.GetInt32(source.Length)];
            }
        });
    }

    /// <summary>
    /// Reloads the page until <paramref name="locator"/> matches nothing (for server-side changes that
    /// finish just after the browser saw the response, such as "downloaded" being recorded).
    /// </summary>
    public static async Task ReloadUntilGoneAsync(IPage page, ILocator locator, TimeSpan? timeout = null)
    {
        var limit = timeout ?? TimeSpan.FromMilliseconds(BrowserFixture.TimeoutMilliseconds);
        var stopwatch = Stopwatch.StartNew();
        while (true)
        {
            await page.ReloadAsync();
            if (await locator.CountAsync() == 0)
            {
                return;
            }

            if (stopwatch.Elapsed >= limit)
            {
                // Fails with Playwright's own description of what is still there.
                await Expect(locator).ToHaveCountAsync(0, new() { Timeout = 1 });
                return;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250));
        }
    }
}
