using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Mail;
using Portal.Core.Modules;
using Portal.Core.Navigation;
using Portal.Core.Security;

namespace Portal.Admin;

public sealed class Startup : ModuleStartup
{
    public override ModuleManifest Manifest => Admin.Manifest.Module;

    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<IPermissionProvider, Permissions>();
        services.AddSingleton<IAdminMenuProvider, AdminMenu>();
    }

    public override void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        // The HTML of an outbox message, framed by the Outbox page exactly as the recipient sees it.
        // Its own policy: no script, no network except images, framable only by the portal itself.
        endpoints.MapGet("/admin/outbox/{id:guid}/html", async (Guid id, IMailOutbox outbox, HttpContext context) =>
        {
            var message = await outbox.FindAsync(id, context.RequestAborted);
            if (message is null)
            {
                return Results.NotFound();
            }

            context.Response.Headers.ContentSecurityPolicy = "default-src 'none'; img-src 'self' https: http: data:; style-src 'unsafe-inline'; frame-ancestors 'self'; sandbox";
            context.Response.Headers.XFrameOptions = "SAMEORIGIN";
            context.Response.Headers.CacheControl = "no-store";
            return Results.Content(message.HtmlBody, "text/html; charset=utf-8");
        }).RequirePermission(Permissions.ViewOutbox.Name);
    }
}
