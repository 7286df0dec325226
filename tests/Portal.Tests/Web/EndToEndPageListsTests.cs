using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Portal.Core.Data;
using Portal.Core.Modules;
using Portal.E2E;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Web;

/// <summary>
/// The end-to-end tests must meet every page: PhoneWidthTests and AccessibilityTests check that they met
/// exactly the pages in ClientPages.Routes, and AccessibilityTests those in AdminPages.Routes and
/// HostPages.Routes. These tests hold the lists to the application's own page table, so a new page fails
/// here until it is listed, and then fails there until a test reaches it.
/// </summary>
public sealed class EndToEndPageListsTests(SharedApps apps) : IClassFixture<SharedApps>
{
    [Theory, BothDatabases]
    public async Task The_end_to_end_tests_list_every_page_of_the_client_site(DatabaseProvider provider)
    {
        var pages = await PagesAsync(provider, onHost: false, route => !IsAdmin(route));

        Assert.True(pages.Count >= 10, $"Only {pages.Count} client pages were found: the page table was not read.");
        Assert.Equal(pages, ClientPages.Routes.Order(StringComparer.Ordinal));
    }

    [Theory, BothDatabases]
    public async Task The_accessibility_test_lists_every_page_of_the_practice_admin(DatabaseProvider provider)
    {
        var pages = await PagesAsync(provider, onHost: false, IsAdmin);

        Assert.True(pages.Count >= 20, $"Only {pages.Count} admin pages were found: the page table was not read.");
        Assert.Equal(pages, AdminPages.Routes.Order(StringComparer.Ordinal));
    }

    [Theory, BothDatabases]
    public async Task The_accessibility_test_lists_every_page_of_the_platform_site(DatabaseProvider provider)
    {
        var pages = await PagesAsync(provider, onHost: true, route => true);

        Assert.True(pages.Count >= 8, $"Only {pages.Count} platform pages were found: the page table was not read.");
        Assert.Equal(pages, HostPages.Routes.Order(StringComparer.Ordinal));
    }

    /// <summary>The Razor pages of the platform's own site (<paramref name="onHost"/>) or of a practice's site, whose route <paramref name="matches"/>.</summary>
    private async Task<List<string>> PagesAsync(DatabaseProvider provider, bool onHost, Func<string, bool> matches)
        => (await apps.For(provider)).Get<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null && onHost == e.Metadata.GetMetadata<HostOnlyMetadata>() is not null)
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
            .Where(matches)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Order(StringComparer.Ordinal)
            .ToList();

    private static bool IsAdmin(string route)
        => route.Equals("/admin", StringComparison.OrdinalIgnoreCase) || route.StartsWith("/admin/", StringComparison.OrdinalIgnoreCase);
}
