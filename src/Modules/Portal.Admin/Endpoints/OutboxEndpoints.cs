using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Portal.Core.Errors;
using Portal.Core.Mail;
using Portal.Core.Security;

namespace Portal.Admin.Endpoints;

/// <summary>The HTML of an outbox message, framed by the Outbox page as the recipient sees it (one-time links masked).</summary>
internal static class OutboxEndpoints
{
    public const string GroupRoute = "/admin/outbox";
    public const string MessageHtmlName = "OutboxMessageHtml";

    public static IEndpointRouteBuilder MapOutboxEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var outbox = endpoints.MapGroup(GroupRoute).AsApiArea("Admin: outbox");

        // Its own policy: no script, no network except images, framable only by the portal itself.
        outbox.MapGet("/{id:guid}/html", MessageHtmlAsync)
            .WithName(MessageHtmlName)
            .WithSummary("A sent or queued e-mail's HTML, for the Outbox page's sandboxed frame.")
            .RequirePermission(Permissions.ViewOutbox.Name);
        return endpoints;
    }

    public static async Task<Results<ContentHttpResult, ProblemHttpResult>> MessageHtmlAsync(Guid id, IMailOutbox outbox, HttpContext context)
        => await outbox.FindAsync(id, context.RequestAborted) is { } message
            ? MailPreview.Html(context, message.HtmlBody)
            : AdminErrors.OutboxMessageNotFound.ToProblem();
}
