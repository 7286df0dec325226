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
        var pages = await PracticePagesAsync(provider, inAdmin: false);

        Assert.True(pages.Count >= 10, $"Only {pages.Count} client pages were found: the page table was not read.");
        Assert.Equal(pages, ClientPages.Routes.Order(StringComparer.Ordinal));
    }

    [Theory, BothDatabases]
    public async Task The_accessibility_test_lists_every_page_of_the_practice_admin(DatabaseProvider provider)
    {
        var pages = await PracticePagesAsync(provider, inAdmin: true);

        Assert.True(pages.Count >= 20, $"Only {pages.Count} admin pages were found: the page table was not read.");
        Assert.Equal(pages, AdminPages.Routes.Order(StringComparer.Ordinal));
    }

    [Theory, BothDatabases]
    public async Task The_accessibility_test_lists_every_page_of_the_platform_site(DatabaseProvider provider)
    {
        var pages = (await apps.For(provider)).Get<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null && e.Metadata.GetMetadata<HostOnlyMetadata>() is not null)
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.True(pages.Count >= 8, $"Only {pages.Count} platform pages were found: the page table was not read.");
        Assert.Equal(pages, HostPages.Routes.Order(StringComparer.Ordinal));
    }

    /// <summary>Razor pages a practice's site serves (not the platform operator's), inside or outside the staff admin.</summary>
    private async Task<List<string>> PracticePagesAsync(DatabaseProvider provider, bool inAdmin)
        => (await apps.For(provider)).Get<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null && e.Metadata.GetMetadata<HostOnlyMetadata>() is null)
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
            .Where(route => inAdmin == (route.Equals("/admin", StringComparison.OrdinalIgnoreCase) || route.StartsWith("/admin/", StringComparison.OrdinalIgnoreCase)))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Order(StringComparer.Ordinal)
            .ToList();
}
