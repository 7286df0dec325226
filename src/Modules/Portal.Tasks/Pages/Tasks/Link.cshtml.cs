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
/// once, only its hash stored). Its person, signed in, goes straight to the request. Not signed in,
/// the page shows one "Open your request" button: its POST uses the link up and, within a day of the
/// e-mail, signs the client in (<see cref="IMailboxLinkSignIn"/>: the link proves the mailbox, worth
/// the password of a client who has nothing more), so a mail scanner that fetches the link uses nothing up. A client with a
/// second factor, or anyone the link may not sign in, signs in as usual and lands on the request.
/// </summary>
[AllowAnonymous]
public sealed class LinkModel(RequestLinks links, TaskDetails tasks, TaskAccess access, IMailboxLinkSignIn mailboxSignIn, TimeProvider clock, IAuditLog audit) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "token")]
    public string? Token { get; set; }

    public string? Problem { get; private set; }

    /// <summary>The link is good and nobody is signed in: the page offers to open the request.</summary>
    public bool OffersToOpen { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var (link, taskId, userId) = await CheckAsync();
        if (link is null)
        {
            return Page();
        }

        if (User.Identity?.IsAuthenticated != true)
        {
            OffersToOpen = true;
            return Page();
        }

        return await OpenAsync(link, taskId, userId);
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var (link, taskId, userId) = await CheckAsync();
        return link is null ? Page() : await OpenAsync(link, taskId, userId);
    }

    private async Task<(OneTimeLink? Link, Guid TaskId, Guid UserId)> CheckAsync()
    {
        var check = await links.CheckAsync(Token, HttpContext.RequestAborted);
        if (check.Status == OneTimeLinkStatus.Valid && check.Link is not null && RequestLinks.TryRead(check.Link.Data, out var taskId, out var userId))
        {
            return (check.Link, taskId, userId);
        }

        Refuse(check.Status switch
        {
            OneTimeLinkStatus.Used => "This link was already used. Sign in to see your tasks.",
            OneTimeLinkStatus.Expired => "This link has expired. Sign in to see your tasks.",
            _ => "This link is not valid. Sign in to see your tasks.",
        }, check.Status is OneTimeLinkStatus.Used or OneTimeLinkStatus.Expired ? StatusCodes.Status410Gone : StatusCodes.Status400BadRequest);
        return (null, Guid.Empty, Guid.Empty);
    }

    private async Task<IActionResult> OpenAsync(OneTimeLink link, Guid taskId, Guid userId)
    {
        var cancellationToken = HttpContext.RequestAborted;
        var signedIn = User.Identity?.IsAuthenticated == true;
        if (signedIn && User.IdOf() != userId)
        {
            Refuse("This link was sent to someone else. Sign out and sign in as the person it was sent to.", StatusCodes.Status403Forbidden);
            return Page();
        }

        if (!await links.RedeemAsync(link.Id, cancellationToken))
        {
            Refuse("This link was already used. Your tasks are on the Tasks page.", StatusCodes.Status410Gone);
            return Page();
        }

        await audit.RecordAsync(new AuditEntry(TaskAuditActions.LinkFollowed, TaskAuditTargets.Task, taskId.ToString()), cancellationToken);
        if (!signedIn && !await MaySignInAsync(link, taskId, userId, cancellationToken))
        {
            return RedirectToPage("/Account/SignIn", new { returnUrl = Url.Page("/Tasks/Details", new { id = taskId }) });
        }

        return RedirectToPage("/Tasks/Details", new { id = taskId });
    }

    /// <summary>
    /// Signs the link's person in when the link is fresh and they are still a portal user who may act on
    /// the request (someone removed from the portal since is not signed in by an old e-mail).
    /// </summary>
    private async Task<bool> MaySignInAsync(OneTimeLink link, Guid taskId, Guid userId, CancellationToken cancellationToken)
    {
        var sentAt = link.ExpiresAt - RequestLinks.Lifetime;
        if (clock.GetUtcNow().UtcDateTime - sentAt > RequestLinks.SignInWindow
            || await tasks.FindAsync(taskId, cancellationToken) is not { } task
            || !await access.MayActAsync(userId, task, cancellationToken))
        {
            return false;
        }

        return await mailboxSignIn.SignInAsync(HttpContext, userId, cancellationToken) == MailboxLinkOutcome.SignedIn;
    }

    private void Refuse(string problem, int status)
    {
        Problem = problem;
        Response.StatusCode = status;
    }
}
