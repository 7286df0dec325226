using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Portal.Core.Data;
using Portal.Core.Modules;
using Portal.E2E;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Web;

/// <summary>
/// The end-to-end phone-width test (Portal.E2E's PhoneWidthTests) must meet every page of the
/// client site; it checks that it met exactly the pages in ClientPages.Routes. This holds that list
/// to the application's own page table, so a new client page fails here until it is listed, and
/// then fails there until the test reaches it.
/// </summary>
public sealed class ClientPagesListTests(SharedApps apps) : IClassFixture<SharedApps>
{
    [Theory, BothDatabases]
    public async Task The_phone_width_test_lists_every_page_of_the_client_site(DatabaseProvider provider)
    {
        var app = await apps.For(provider);

        // Razor pages a practice's site serves (not the platform's), outside the staff admin.
        var pages = app.Get<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null && e.Metadata.GetMetadata<HostOnlyMetadata>() is null)
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
            .Where(route => !route.Equals("/admin", StringComparison.OrdinalIgnoreCase) && !route.StartsWith("/admin/", StringComparison.OrdinalIgnoreCase))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.True(pages.Count >= 10, $"Only {pages.Count} client pages were found: the page table was not read.");
        Assert.Equal(pages, ClientPages.Routes.Order(StringComparer.Ordinal));
    }
}
