using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Portal.Core.Data;
using Portal.Core.Modules;
using Portal.E2E;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Web;

/// <summary>
/// The end-to-end accessibility test (Portal.E2E's AccessibilityTests) must check every page of a
/// practice's staff admin; it checks that it met exactly the pages in AdminPages.Routes. This holds
/// that list to the application's own page table, so a new admin page fails here until it is listed,
/// and then fails there until the test reaches it.
/// </summary>
public sealed class AdminPagesListTests(SharedApps apps) : IClassFixture<SharedApps>
{
    [Theory, BothDatabases]
    public async Task The_accessibility_test_lists_every_page_of_the_practice_admin(DatabaseProvider provider)
    {
        var app = await apps.For(provider);

        // Razor pages a practice's site serves (not the platform's operator pages), inside the staff admin.
        var pages = app.Get<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null && e.Metadata.GetMetadata<HostOnlyMetadata>() is null)
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
            .Where(route => route.Equals("/admin", StringComparison.OrdinalIgnoreCase) || route.StartsWith("/admin/", StringComparison.OrdinalIgnoreCase))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.True(pages.Count >= 20, $"Only {pages.Count} admin pages were found: the page table was not read.");
        Assert.Equal(pages, AdminPages.Routes.Order(StringComparer.Ordinal));
    }
}
