using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Portal.Core.Errors;
using Portal.Core.Mail;
using Portal.Core.Security;
using Portal.Notifications.Services;

namespace Portal.Notifications.Endpoints;

/// <summary>
/// The e-mail a waiting reminder would send, framed by the reminders page; composed in preview
/// mode, so nothing (such as an invitation link) is issued by looking at it.
/// </summary>
internal static class ReminderEndpoints
{
    public const string GroupRoute = "/admin/reminders";
    public const string PreviewName = "PreviewReminder";

    public static IEndpointRouteBuilder MapReminderEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var reminders = endpoints.MapGroup(GroupRoute).AsApiArea("Admin: reminders");
        reminders.MapGet("/{id:guid}/preview", PreviewAsync)
            .WithName(PreviewName)
            .WithSummary("The HTML of the e-mail a waiting reminder would send, for the reminders page's sandboxed frame.")
            .RequirePermission(Permissions.ManageReminders.Name);
        return endpoints;
    }

    public static async Task<Results<ContentHttpResult, ProblemHttpResult>> PreviewAsync(Guid id, ReminderSender sender, HttpContext context)
        => await sender.PreviewAsync(id, context.RequestAborted) is { } draft
            ? MailPreview.Html(context, draft.HtmlBody)
            : ReminderErrors.ReminderNotFound.ToProblem();
}
