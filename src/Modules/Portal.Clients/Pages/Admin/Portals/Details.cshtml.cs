using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Clients.Models;
using Portal.Clients.Services;
using Portal.Core.Contracts;
using Portal.Core.Navigation;
using Portal.Core.Security;
using Portal.Core.Text;
using Portal.Core.Time;

namespace Portal.Clients.Pages.Admin.Portals;

/// <summary>One portal: its clients, its users and their access, invitations.</summary>
[RequirePermission(Permissions.ManagePortalsName)]
public sealed class PortalDetailsModel(PortalStore portals, PortalMemberships memberships, IUserDirectory users, IPracticeClock calendar) : PageModel
{
    public const int CandidateLimit = 20;

    [BindProperty]
    public NewUserForm NewUser { get; set; } = new();

    [BindProperty(SupportsGet = true, Name = "clientq")]
    public string? ClientSearch { get; set; }

    public ClientPortal Portal { get; private set; } = null!;

    public IReadOnlyList<PortalClientItem> Clients { get; private set; } = [];

    public IReadOnlyList<PortalClientItem> Candidates { get; private set; } = [];

    public IReadOnlyList<PortalMemberView> Members { get; private set; } = [];

    public DateOnly Today { get; private set; }

    /// <summary>Set when the rename form failed (kept typed, its panel open).</summary>
    public string? RenameValue { get; private set; }

    public string? RenameError { get; private set; }

    /// <summary>Set when a form of one user's row failed: which row, what went wrong, what was typed.</summary>
    public Guid? ActionMemberId { get; private set; }

    public string? ActionError { get; private set; }

    public string? TypedEmail { get; private set; }

    public string? ClientError { get; private set; }

    public IssuedPassword? TemporaryPassword { get; private set; }

    /// <summary>Shown in the page itself when it is rendered for a POST (the temporary password case).</summary>
    public string? Notice { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
        => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostRenameAsync(Guid id, string? name)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        var result = await portals.RenameAsync(id, name ?? "", HttpContext.RequestAborted);
        if (!result.Succeeded)
        {
            RenameValue = name;
            RenameError = result.Errors[0].Message;
            return Unprocessable();
        }

        TempData[TempDataKeys.Status] = Sentence.End($"The portal is now called {result.Value!.Name}");
        return RedirectToSelf(id);
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        await portals.DeleteAsync(id, HttpContext.RequestAborted);
        TempData[TempDataKeys.Status] = $"The portal {Portal.Name} was deleted. Its clients can join another portal; its users no longer have access to it.";
        return RedirectToPage("/Admin/Portals/Index");
    }

    public async Task<IActionResult> OnPostAddClientAsync(Guid id, Guid clientId)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        if (await portals.AddClientAsync(id, clientId, HttpContext.RequestAborted) is { } error)
        {
            ClientError = error.Message;
            return Unprocessable();
        }

        TempData[TempDataKeys.Status] = $"{await ClientNameAsync(id, clientId)} was added to the portal.";
        return RedirectToSelf(id);
    }

    public async Task<IActionResult> OnPostRemoveClientAsync(Guid id, Guid clientId)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        var name = Clients.FirstOrDefault(c => c.Id == clientId)?.Name;
        if (name is null || !await portals.RemoveClientAsync(id, clientId, HttpContext.RequestAborted))
        {
            TempData[TempDataKeys.Error] = "That client was not in this portal any more.";
        }
        else
        {
            TempData[TempDataKeys.Status] = $"{Sentence.End($"{name} was removed from the portal")} {Sentence.End($"Its users no longer see {name}")}";
        }

        return RedirectToSelf(id);
    }

    public async Task<IActionResult> OnPostAddUserAsync(Guid id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        if (ModelState.TryGetValue($"{nameof(NewUser)}.{nameof(NewUserForm.ExpiresOn)}", out var expiry) && expiry.Errors.Count > 0)
        {
            ModelState.Remove($"{nameof(NewUser)}.{nameof(NewUserForm.ExpiresOn)}");
            ModelState.AddModelError($"{nameof(NewUser)}.{nameof(NewUserForm.ExpiresOn)}", "Enter a date such as 2027-06-30.");
            return Unprocessable();
        }

        var (member, user, errors) = await memberships.AddAsync(
            id,
            new NewPortalUser(NewUser.Email ?? "", NewUser.DisplayName ?? "", NewUser.Access, NewUser.ExpiresOn),
            HttpContext.RequestAborted);
        if (member is null || user is null)
        {
            foreach (var error in errors)
            {
                ModelState.AddModelError(error.Field.Length == 0 ? "" : $"{nameof(NewUser)}.{error.Field}", error.Message);
            }

            return Unprocessable();
        }

        var granted = Sentence.End($"{user.DisplayName} ({user.Email}) now has {PortalMemberships.Sentence(member.Access, member.ExpiresOn, Portal.Name)}");
        if (NewUser.Invite == InviteChoice.None)
        {
            TempData[TempDataKeys.Status] = granted + " No invitation was sent; use Invite in the list of users when you are ready.";
            return RedirectToSelf(id);
        }

        return await InviteAsync(id, user, NewUser.Invite == InviteChoice.TemporaryPassword ? InvitationMethod.TemporaryPassword : InvitationMethod.Link, granted);
    }

    public async Task<IActionResult> OnPostChangeAccessAsync(Guid id, Guid memberId, PortalAccess access, string? expiresOn)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        DateOnly? until = null;
        if (!string.IsNullOrWhiteSpace(expiresOn))
        {
            if (!DateOnly.TryParseExact(expiresOn.Trim(), "yyyy-MM-dd", out var parsed))
            {
                return RowFailed(memberId, "Enter a date such as 2027-06-30.");
            }

            until = parsed;
        }

        if (await memberships.ChangeAsync(id, memberId, access, until, HttpContext.RequestAborted) is { } error)
        {
            return RowFailed(memberId, error.Message);
        }

        var who = Members.FirstOrDefault(m => m.Member.Id == memberId)?.DisplayName ?? "The user";
        TempData[TempDataKeys.Status] = Sentence.End($"{who} now has {PortalMemberships.Sentence(access, access == PortalAccess.Contributor ? until : null, null)}");
        return RedirectToSelf(id);
    }

    public async Task<IActionResult> OnPostInviteAsync(Guid id, Guid memberId, InvitationMethod method)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        var member = Members.FirstOrDefault(m => m.Member.Id == memberId);
        if (member?.User is null)
        {
            return RowFailed(memberId, "That user no longer has access to this portal.");
        }

        return await InviteAsync(id, member.User, method, null, memberId);
    }

    public async Task<IActionResult> OnPostChangeEmailAsync(Guid id, Guid memberId, string? newEmail)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        var member = Members.FirstOrDefault(m => m.Member.Id == memberId);
        if (member?.User is null)
        {
            return RowFailed(memberId, "That user no longer has access to this portal.");
        }

        newEmail = newEmail?.Trim() ?? "";
        TypedEmail = newEmail;
        if (!ClientRules.IsEmail(newEmail))
        {
            return RowFailed(memberId, newEmail.Length == 0 ? "Enter the new e-mail address." : $"'{newEmail}' is not an e-mail address.");
        }

        if (string.Equals(newEmail, member.User.Email, StringComparison.OrdinalIgnoreCase))
        {
            return RowFailed(memberId, $"{newEmail} is already their address.");
        }

        var result = await users.RequestEmailChangeAsync(member.User.Id, newEmail, HttpContext.RequestAborted);
        if (!result.Succeeded)
        {
            return RowFailed(memberId, result.Error ?? "The address could not be changed.");
        }

        TempData[TempDataKeys.Status] = $"A confirmation was sent to the new address, {newEmail}. {member.DisplayName} keeps signing in with {member.User.Email} until they confirm it.";
        return RedirectToSelf(id);
    }

    public async Task<IActionResult> OnPostRemoveUserAsync(Guid id, Guid memberId)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        var who = Members.FirstOrDefault(m => m.Member.Id == memberId)?.DisplayName;
        if (who is null || !await memberships.RemoveAsync(id, memberId, HttpContext.RequestAborted))
        {
            TempData[TempDataKeys.Error] = "That user no longer had access to this portal.";
        }
        else
        {
            TempData[TempDataKeys.Status] = $"{Sentence.End($"{who} no longer has access to {Portal.Name}")} Their account remains (and any other portal access they have).";
        }

        return RedirectToSelf(id);
    }

    public string FormatDate(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private async Task<IActionResult> InviteAsync(Guid id, PortalUserInfo user, InvitationMethod method, string? granted, Guid? memberId = null)
    {
        var result = await users.InviteAsync(user.Id, method, HttpContext.RequestAborted);
        var prefix = granted is null ? "" : granted + " ";
        switch (result.Outcome)
        {
            case InvitationOutcome.TemporaryPasswordIssued when result.TemporaryPassword is not null:
                // Rendered in this response only: no redirect, no TempData, nothing cached.
                Response.Headers.CacheControl = "no-store";
                TemporaryPassword = new IssuedPassword(user.DisplayName, user.Email, result.TemporaryPassword);
                Notice = prefix + "A temporary password was issued.";

                // The add-user form starts empty again (posted values would otherwise be shown from ModelState).
                ModelState.Clear();
                NewUser = new NewUserForm();
                await LoadAsync(id);
                return Page();
            case InvitationOutcome.Queued:
                TempData[TempDataKeys.Status] = prefix + $"Invitation queued in Portal reminders: it is e-mailed to {user.Email} when you send it from there.";
                break;
            case InvitationOutcome.Sent:
                TempData[TempDataKeys.Status] = prefix + $"Invitation sent to {user.Email}.";
                break;
            case InvitationOutcome.AlreadyActive:
                TempData[TempDataKeys.Status] = prefix + $"{user.DisplayName} has already signed in, so no invitation was sent and nothing was reset. If they forgot their password, they can reset it from the sign-in page.";
                break;
            default:
                if (memberId is { } row && granted is null)
                {
                    return RowFailed(row, "The invitation failed: " + (result.Error ?? "unknown error."));
                }

                TempData[TempDataKeys.Error] = prefix + "The invitation failed: " + (result.Error ?? "unknown error.");
                break;
        }

        return RedirectToSelf(id);
    }

    private PageResult RowFailed(Guid memberId, string message)
    {
        ActionMemberId = memberId;
        ActionError = message;
        return Unprocessable();
    }

    private PageResult Unprocessable()
    {
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    private RedirectToPageResult RedirectToSelf(Guid id) => RedirectToPage("/Admin/Portals/Details", new { id });

    private async Task<string> ClientNameAsync(Guid portalId, Guid clientId)
        => (await portals.ClientsOfAsync(portalId, HttpContext.RequestAborted)).FirstOrDefault(c => c.Id == clientId)?.Name ?? "The client";

    private async Task<bool> LoadAsync(Guid id)
    {
        var cancellationToken = HttpContext.RequestAborted;
        var portal = await portals.FindAsync(id, cancellationToken);
        if (portal is null)
        {
            return false;
        }

        Portal = portal;
        Clients = await portals.ClientsOfAsync(id, cancellationToken);
        Members = await memberships.MembersAsync(id, cancellationToken);
        Today = await calendar.TodayAsync(cancellationToken);
        if (!string.IsNullOrWhiteSpace(ClientSearch))
        {
            Candidates = await portals.FindCandidatesAsync(ClientSearch, CandidateLimit, cancellationToken);
        }

        return true;
    }
}
