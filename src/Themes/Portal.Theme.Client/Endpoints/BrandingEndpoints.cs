using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Portal.Core.Errors;
using Portal.Core.Settings;
using Portal.Core.Theming;

namespace Portal.Theme.Client.Endpoints;

/// <summary>
/// The practice's brand as CSS custom properties and its logo. Both are versioned in their URL by
/// their content (SiteChrome), so browsers may keep them for a long time.
/// </summary>
internal static class BrandingEndpoints
{
    public const string StylesheetName = "BrandingStylesheet";
    public const string LogoName = "BrandingLogo";

    private const string ForAYear = "public, max-age=31536000, immutable";

    public static IEndpointRouteBuilder MapBrandingEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var branding = endpoints.MapGroup("").AllowAnonymous().AsApiArea("Branding");
        branding.MapGet("/branding.css", StylesheetAsync)
            .WithName(StylesheetName)
            .WithSummary("The practice's colors as CSS custom properties.")
            .Produces(StatusCodes.Status200OK, contentType: "text/css");
        branding.MapGet("/branding/logo", LogoAsync)
            .WithName(LogoName)
            .WithSummary("The practice's logo (sandboxed when it is an SVG opened directly).")
            .Produces(StatusCodes.Status200OK, responseType: null, contentType: "image/png", additionalContentTypes: ["image/jpeg", "image/svg+xml"]);
        return endpoints;
    }

    public static async Task<ContentHttpResult> StylesheetAsync(SiteSettingsStore settings, HttpContext context)
    {
        var branding = await settings.GetAsync<BrandingSettings>(context.RequestAborted);
        context.Response.Headers.CacheControl = ForAYear;
        return TypedResults.Text(BrandingStylesheet.Render(branding), "text/css; charset=utf-8");
    }

    public static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> LogoAsync(BrandingLogo logo, HttpContext context)
    {
        if (await logo.OpenAsync(context.RequestAborted) is not var (content, contentType))
        {
            return BrandingErrors.LogoNotSet.ToProblem();
        }

        context.Response.Headers.CacheControl = ForAYear;

        // An SVG opened directly must not run script: sandbox it.
        context.Response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; sandbox";
        return TypedResults.Stream(content, contentType);
    }
}
