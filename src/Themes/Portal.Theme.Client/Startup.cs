using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Portal.Core.Modules;
using Portal.Core.Settings;
using Portal.Core.Theming;

namespace Portal.Theme.Client;

public sealed class Startup : ModuleStartup
{
    public override ModuleManifest Manifest => Client.Manifest.Module;

    public override void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        // Versioned in the URL by their content (SiteChrome), so browsers may keep them for a long time.
        endpoints.MapGet("/branding.css", async (SiteSettingsStore settings, HttpContext context) =>
        {
            var branding = await settings.GetAsync<BrandingSettings>(context.RequestAborted);
            context.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
            return Results.Text(BrandingStylesheet.Render(branding), "text/css; charset=utf-8");
        }).AllowAnonymous();

        endpoints.MapGet("/branding/logo", async (BrandingLogo logo, HttpContext context) =>
        {
            if (await logo.OpenAsync(context.RequestAborted) is not var (content, contentType))
            {
                return Results.NotFound();
            }

            context.Response.Headers.CacheControl = "public, max-age=31536000, immutable";

            // An SVG opened directly must not run script: sandbox it.
            context.Response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; sandbox";
            return Results.Stream(content, contentType);
        }).AllowAnonymous();
    }
}
