using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Portal.E2E.Infrastructure;

namespace Portal.E2E;

/// <summary>
/// Looks at client pages the way a phone shows them (390 x 844 CSS pixels): notes which of
/// <see cref="ClientPages.Routes"/> each one is, whether it is wider than the screen (the browser
/// would scroll sideways), and saves a full-page screenshot to artifacts/screenshots/phone/.
/// </summary>
internal sealed partial class PhoneScreen(string practiceUrl)
{
    public static readonly ViewportSize Size = new() { Width = 390, Height = 844 };

    private readonly Dictionary<string, List<string>> _seen = [];
    private readonly List<string> _tooWide = [];
    private readonly HashSet<string> _names = [];

    public static string Folder { get; } = Path.Combine(TestEnvironment.ScreenshotDirectory, "phone");

    /// <summary>The routes met so far, each with the addresses it was seen at.</summary>
    public IReadOnlyDictionary<string, List<string>> Seen => _seen;

    public int PageCount => _seen.Values.Sum(v => v.Count);

    /// <summary>Every page that was wider than the screen, with what stuck out.</summary>
    public IReadOnlyList<string> TooWide => _tooWide;

    /// <summary>A browser context with a phone-sized screen (and the suite's timeouts).</summary>
    public static async Task<IBrowserContext> NewContextAsync(BrowserFixture browser)
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = Size, Locale = "en-US" });
        context.SetDefaultTimeout(BrowserFixture.TimeoutMilliseconds);
        context.SetDefaultNavigationTimeout(BrowserFixture.TimeoutMilliseconds);
        return context;
    }

    /// <summary>
    /// Checks the page the browser shows now. Its route is found from the address, unless
    /// <paramref name="route"/> says it (an error page keeps the address that was asked for).
    /// </summary>
    public async Task<string> CheckAsync(IPage page, string? route = null, string? name = null)
    {
        await page.WaitForLoadStateAsync(LoadState.Load);
        var path = new Uri(page.Url).AbsolutePath;
        route ??= ClientPages.Routes.FirstOrDefault(r => Pattern(r).IsMatch(path))
            ?? throw new InvalidOperationException($"{page.Url} is no page in ClientPages.Routes: add the new page to the list.");
        (_seen.TryGetValue(route, out var urls) ? urls : _seen[route] = []).Add(page.Url);

        var width = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
        if (width[0] > width[1])
        {
            var culprits = await page.EvaluateAsync<string[]>(
                """
                () => [...document.querySelectorAll("body *")]
                    .filter(e => e.getBoundingClientRect().right > window.innerWidth + 0.5)
                    .slice(0, 5)
                    .map(e => `${e.tagName.toLowerCase()}${e.className ? "." + String(e.className).trim().replace(/\s+/g, ".") : ""} to ${Math.round(e.getBoundingClientRect().right)} px`)
                """);
            _tooWide.Add($"{page.Url} ({route}) is {width[0]} px wide on a {width[1]} px screen: {string.Join("; ", culprits)}");
        }

        var file = UniqueName(name ?? Slug(await page.TitleAsync()));
        Directory.CreateDirectory(Folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Folder, file + ".png"), FullPage = true });
        return route;
    }

    /// <summary>Opens a path of the practice's site and checks the page it shows.</summary>
    public async Task<string> OpenAsync(IPage page, string path, string? route = null, string? name = null)
    {
        await page.GotoAsync(practiceUrl + path);
        return await CheckAsync(page, route, name);
    }

    /// <summary>A route template as a pattern for paths: "{clientId:guid}" matches a guid, an optional last segment may be missing.</summary>
    public static Regex Pattern(string route)
    {
        var pattern = Regex.Escape(route);
        pattern = OptionalSegment().Replace(pattern, "(/[^/]+)?");
        pattern = GuidSegment().Replace(pattern, "[0-9a-fA-F-]{36}");
        pattern = AnySegment().Replace(pattern, "[^/]+");
        return new Regex($"^{pattern}/?$", RegexOptions.IgnoreCase);
    }

    // "Documents of Jordan Lee · Maple & Finch Accounting" -> "documents-of-jordan-lee".
    private static string Slug(string title)
        => NotWordCharacters().Replace(title.Split(" · ")[0].ToLowerInvariant(), "-").Trim('-') is { Length: > 0 } slug ? slug : "page";

    private string UniqueName(string name)
    {
        var unique = name;
        for (var n = 2; !_names.Add(unique); n++)
        {
            unique = $"{name}-{n}";
        }

        return unique;
    }

    [GeneratedRegex(@"/\\\{[^}]+\?}")]
    private static partial Regex OptionalSegment();

    [GeneratedRegex(@"\\\{[^:}]+:guid}")]
    private static partial Regex GuidSegment();

    [GeneratedRegex(@"\\\{[^}]+}")]
    private static partial Regex AnySegment();

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NotWordCharacters();
}
