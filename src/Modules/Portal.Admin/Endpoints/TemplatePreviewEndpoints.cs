using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Portal.Core.Errors;
using Portal.Core.Mail;
using Portal.Core.Security;

namespace Portal.Admin.Endpoints;

/// <summary>The template editor's live preview: the form posts here into a sandboxed frame, nothing is saved.</summary>
internal static class TemplatePreviewEndpoints
{
    public const string GroupRoute = "/admin/templates";
    public const string PreviewName = "PreviewMailTemplate";

    public static IEndpointRouteBuilder MapTemplatePreviewEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var templates = endpoints.MapGroup(GroupRoute).AsApiArea("Admin: e-mail templates");
        templates.MapPost("/{name}/preview", PreviewAsync)
            .WithName(PreviewName)
            .WithSummary("Renders an unsaved template with its sample model; a template that does not parse shows where, as HTML.")
            .RequirePermission(Permissions.ManageTemplates.Name);
        return endpoints;
    }

    public static async Task<Results<ContentHttpResult, ProblemHttpResult>> PreviewAsync(string name, [FromForm] TemplatePreviewForm form, MailComposer composer, HttpContext context)
    {
        if (composer.FindDefinition(name) is not { } definition)
        {
            return AdminErrors.TemplateNotFound.ToProblem();
        }

        string html;
        try
        {
            var rendered = await composer.RenderAsync(form.Subject ?? "", form.Html ?? "", form.Text ?? "", definition.SampleModel, context.RequestAborted);
            html = $"<div style=\"font:13px system-ui,sans-serif;padding:8px 12px;background:#eef2f5;border-bottom:1px solid #d5dde3\"><strong>Subject:</strong> {WebUtility.HtmlEncode(rendered.Subject)}</div>{rendered.Html}";
        }
        catch (MailTemplateException ex)
        {
            // The person is editing: the problem belongs in the frame they are looking at, not in an error status.
            html = $"<p style=\"font:14px system-ui,sans-serif;color:#a11;padding:12px\">{WebUtility.HtmlEncode(ex.Message)}</p>";
        }

        return MailPreview.Html(context, html);
    }
}
