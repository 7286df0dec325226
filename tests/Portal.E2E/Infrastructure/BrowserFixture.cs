using Microsoft.Playwright;
using Xunit;

namespace Portal.E2E.Infrastructure;

/// <summary>
/// Debian's Chromium, launched headless through Playwright once per test class. Each test opens its
/// own context (cookies, storage) with <see cref="NewContextAsync"/>, so tests do not share sign-ins.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    /// <summary>
    /// How long Playwright actions and expectations wait (creating a practice runs migrations and a
    /// recipe): 30 s on a quiet machine, longer on a busy one (<see cref="TestEnvironment.TimeoutScale"/>).
    /// </summary>
    public static readonly float TimeoutMilliseconds = (float)(30_000 * TestEnvironment.TimeoutScale);

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser is not started.");

    public async Task InitializeAsync()
    {
        // No internet: Playwright must use the system Chromium and never try to download its own.
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        var executable = TestEnvironment.ChromiumPath;
        if (!File.Exists(executable))
        {
            throw new InvalidOperationException(
                $"Chromium was not found at {executable}. Run ./test.sh (scripts/test-services.sh start installs it and sets PORTAL_TEST_CHROMIUM).");
        }

        Assertions.SetDefaultExpectTimeout(TimeoutMilliseconds);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = executable,
            Headless = true,
            Args =
            [
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-dev-shm-usage",
            ],
        });
    }

    /// <summary>A fresh, isolated browser context with a 1280x800 viewport.</summary>
    public async Task<IBrowserContext> NewContextAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
            Locale = "en-US",
        });
        context.SetDefaultTimeout(TimeoutMilliseconds);
        context.SetDefaultNavigationTimeout(TimeoutMilliseconds);
        return context;
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
    }
}
