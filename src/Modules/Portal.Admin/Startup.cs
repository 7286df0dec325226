using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Contracts;
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
        services.AddSingleton<IAuditTargetNames, MailTemplateAuditTargetNames>();
    }

    public override void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        // The HTML of an outbox message, framed by the Outbox page as the recipient sees it (one-time links masked).
        // Its own policy: no script, no network except images, framable only by the portal itself.
        endpoints.MapGet("/admin/outbox/{id:guid}/html", async (Guid id, IMailOutbox outbox, HttpContext context) =>
        {
            var message = await outbox.FindAsync(id, context.RequestAborted);
            if (message is null)
            {
                return Results.NotFound();
            }

            return MailPreview.Html(context, message.HtmlBody);
        }).RequirePermission(Permissions.ViewOutbox.Name);

        // The editor's live preview: the form posts here into a sandboxed frame, nothing is saved.
        endpoints.MapPost("/admin/templates/{name}/preview", async (string name, [FromForm] TemplatePreviewForm form, MailComposer composer, HttpContext context) =>
        {
            var definition = composer.FindDefinition(name);
            if (definition is null)
            {
                return Results.NotFound();
            }

            string html;
            try
            {
                var rendered = await composer.RenderAsync(form.Subject ?? "", form.Html ?? "", form.Text ?? "", definition.SampleModel, context.RequestAborted);
                html = $"<div style=\"font:13px system-ui,sans-serif;padding:8px 12px;background:#eef2f5;border-bottom:1px solid #d5dde3\"><strong>Subject:</strong> {System.Net.WebUtility.HtmlEncode(rendered.Subject)}</div>{rendered.Html}";
            }
            catch (MailTemplateException ex)
            {
                html = $"<p style=\"font:14px system-ui,sans-serif;color:#a11;padding:12px\">{System.Net.WebUtility.HtmlEncode(ex.Message)}</p>";
            }

            return MailPreview.Html(context, html);
        }).RequirePermission(Permissions.ManageTemplates.Name);
    }
}
