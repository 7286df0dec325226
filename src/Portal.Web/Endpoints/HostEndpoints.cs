using Microsoft.AspNetCore.Http.HttpResults;

namespace Portal.Web.Endpoints;

/// <summary>Endpoints of the host itself, on every site.</summary>
internal static class HostEndpoints
{
    public const string FaviconName = "Favicon";

    public static IEndpointRouteBuilder MapHostEndpoints(this IEndpointRouteBuilder endpoints)
    {
        // Browsers ask for /favicon.ico whatever the page links; the icon is an SVG.
        endpoints.MapGet("/favicon.ico", Favicon).WithName(FaviconName).AllowAnonymous().ExcludeFromDescription();
        return endpoints;
    }

    public static RedirectHttpResult Favicon(HttpContext context) => TypedResults.Redirect($"{context.Request.PathBase}/favicon.svg", permanent: true);
}
