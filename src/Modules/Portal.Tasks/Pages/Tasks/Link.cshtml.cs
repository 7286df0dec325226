using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Core.Contracts;
using Portal.Core.Links;
using Portal.Core.Security;
using Portal.Tasks.Services;

namespace Portal.Tasks.Pages.Tasks;

/// <summary>
/// Where a request reminder's button leads. The link follows the one-time-link rules (expiring, used
/// once, only its hash stored); it is used when the person it was sent to, signed in, arrives with it,
/// and then leads to the request. Someone not signed in is asked to sign in first and comes back here,
/// so the link never stands in for the password or the second factor.
/// </summary>
[AllowAnonymous]
public sealed class LinkModel(RequestLinks links, IAuditLog audit) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "token")]
    public string? Token { get; set; }

    public string? Problem { get; private set; }

    /// <summary>Set when the link is good but nobody is signed in: the page offers to sign in and come back.</summary>
    public string? SignInReturnUrl { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var cancellationToken = HttpContext.RequestAborted;
        var check = await links.CheckAsync(Token, cancellationToken);
        if (check.Status != OneTimeLinkStatus.Valid || check.Link is null || !RequestLinks.TryRead(check.Link.Data, out var taskId, out var userId))
        {
            Problem = check.Status switch
            {
                OneTimeLinkStatus.Used => "This link was already used. Sign in to see your tasks.",
                OneTimeLinkStatus.Expired => "This link has expired. Sign in to see your tasks.",
                _ => "This link is not valid. Sign in to see your tasks.",
            };
            Response.StatusCode = check.Status is OneTimeLinkStatus.Used or OneTimeLinkStatus.Expired ? StatusCodes.Status410Gone : StatusCodes.Status400BadRequest;
            return Page();
        }

        if (User.Identity?.IsAuthenticated != true)
        {
            // The link is kept for after the sign-in: it is used only when its person arrives with it.
            SignInReturnUrl = Url.Page("/Tasks/Link", new { token = Token });
            return Page();
        }

        if (User.IdOf() != userId)
        {
            Problem = "This link was sent to someone else. Sign out and sign in as the person it was sent to.";
            Response.StatusCode = StatusCodes.Status403Forbidden;
            return Page();
        }

        if (!await links.RedeemAsync(check.Link.Id, cancellationToken))
        {
            Problem = "This link was already used. Your tasks are on the Tasks page.";
            Response.StatusCode = StatusCodes.Status410Gone;
            return Page();
        }

        await audit.RecordAsync(new AuditEntry(TaskAuditActions.LinkFollowed, TaskAuditTargets.Task, taskId.ToString()), cancellationToken);
        return RedirectToPage("/Tasks/Details", new { id = taskId });
    }
}
