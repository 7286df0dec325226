using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Portal.Core.Data;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Web;

/// <summary>
/// Pages link to pages by name (asp-page, RedirectToPage, Url.Page, LinkGenerator), so a route can
/// change in one @page directive. These hold the markup and page models to that, and hold every name
/// to the application's page table: an unknown asp-page renders an empty href without any error.
/// </summary>
public sealed partial class PageLinkTests(SharedApps apps) : IClassFixture<SharedApps>
{
    [Fact]
    public void Markup_links_to_pages_by_name_not_by_path()
    {
        var literals = SourceTree.Files(".cshtml")
            .SelectMany(file => LiteralLink().Matches(file.Text)
                .Where(match => !IsStaticAsset(match.Groups["path"].Value))
                .Select(match => $"{file.Path}: {match.Value}"))
            .ToList();

        Assert.True(literals.Count == 0, "Link to these pages with asp-page (and asp-route-*), not a path:\n" + string.Join('\n', literals));
    }

    [Fact]
    public void Page_models_redirect_to_pages_by_name_not_by_path()
    {
        var literals = SourceTree.Files(".cs")
            .SelectMany(file => LiteralRedirect().Matches(file.Text).Select(match => $"{file.Path}: {match.Value}"))
            .ToList();

        Assert.True(literals.Count == 0, "Redirect with RedirectToPage(\"/Page/Name\", values), not a path:\n" + string.Join('\n', literals));
    }

    [Theory, BothDatabases]
    public async Task Every_page_name_used_in_a_link_is_a_page_of_the_application(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var pages = app.Get<EndpointDataSource>().Endpoints
            .Select(e => e.Metadata.GetMetadata<PageActionDescriptor>()?.ViewEnginePath)
            .OfType<string>()
            .ToHashSet(StringComparer.Ordinal);

        var used = SourceTree.Files(".cshtml").SelectMany(file => AspPage().Matches(file.Text).Select(m => (file.Path, Name: m.Groups["name"].Value)))
            .Concat(SourceTree.Files(".cs").SelectMany(file => PageNameInCode().Matches(file.Text).Select(m => (file.Path, Name: m.Groups["name"].Value))))
            .ToList();
        var unknown = used.Where(u => !pages.Contains(u.Name) && !pages.Any(page => page.StartsWith(u.Name + "/", StringComparison.Ordinal)))
            .Select(u => $"{u.Path}: {u.Name}")
            .ToList();

        Assert.True(used.Count >= 60, $"Only {used.Count} page names were found: the sources were not read.");
        Assert.True(unknown.Count == 0, "These page names are not pages of the application:\n" + string.Join('\n', unknown));
    }

    private static bool IsStaticAsset(string path) => StaticAsset().IsMatch(path);

    // href, action or formaction written as a path (~/ or /) in the markup, rather than computed.
    [GeneratedRegex(@"\b(?:href|action|formaction)=""~?/(?<path>[^""]*)""")]
    private static partial Regex LiteralLink();

    [GeneratedRegex(@"\.(?:css|js|svg|png|ico|jpg|jpeg|gif|webp|woff2?)(?:\?[^""]*)?$", RegexOptions.IgnoreCase)]
    private static partial Regex StaticAsset();

    [GeneratedRegex(@"\b(?:Local)?Redirect\(\s*(?:Url\.Content\()?\$?""~?/")]
    private static partial Regex LiteralRedirect();

    [GeneratedRegex(@"\basp-page=""(?<name>/[^""@]*)""")]
    private static partial Regex AspPage();

    // A string that reads as a page name ("/Admin/Clients/Details"): in code, only page names and
    // page folders (for conventions such as AuthorizeFolder) are written this way.
    [GeneratedRegex(@"""(?<name>(?:/[A-Z][A-Za-z]*)+)""")]
    private static partial Regex PageNameInCode();
}
