using Microsoft.AspNetCore.Http.HttpResults;
using Portal.Core.Settings;
using Portal.Core.Tenancy;
using Portal.Core.Theming;

namespace Portal.Web.Endpoints;

/// <summary>Endpoints of the host itself, on every site.</summary>
internal static class HostEndpoints
{
    public const string FaviconName = "Favicon";

    public static IEndpointRouteBuilder MapHostEndpoints(this IEndpointRouteBuilder endpoints)
    {
        // Browsers ask for /favicon.ico whatever the page links (bookmarks, tabs opened on a file).
        endpoints.MapGet("/favicon.ico", FaviconAsync).WithName(FaviconName).AllowAnonymous().ExcludeFromDescription();
        return endpoints;
    }

    /// <summary>
    /// A practice's logo when it has one (as its pages link it), else the portal's SVG icon. Temporary,
    /// so a logo uploaded later replaces the icon a browser already asked for.
    /// </summary>
    public static async Task<RedirectHttpResult> FaviconAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var icon = "/favicon.svg";
        if (context.GetTenant() is not null)
        {
            var branding = await context.RequestServices.GetRequiredService<SiteSettingsStore>().GetAsync<BrandingSettings>(cancellationToken);
            if (branding.HasLogo)
            {
                icon = BrandingLogo.PathOf(branding);
            }
        }

        return TypedResults.Redirect($"{context.Request.PathBase}{icon}");
    }
}
