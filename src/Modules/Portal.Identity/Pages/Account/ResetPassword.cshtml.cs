using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Portal.Core.Contracts;
using Portal.Core.Links;
using Portal.Core.Navigation;
using Portal.Identity.Models;
using Portal.Identity.Services;

namespace Portal.Identity.Pages.Account;

/// <summary>
/// Sets a new password from a reset link. It ends every session of the user and does not sign in:
/// the user signs in normally afterwards, so a reset never skips their second factor.
/// </summary>
[AllowAnonymous]
public sealed class ResetPasswordModel(IOneTimeLinks links, UserManager<PortalUser> users, UserAccounts accounts, IAuditLog audit)
    : PasswordLinkPageModel(links, users, accounts)
{
    protected override string Purpose => AccountLinkPurposes.ResetPassword;

    protected override (string Title, string Text) Describe(OneTimeLinkStatus problem) => problem switch
    {
        OneTimeLinkStatus.Used => ("This link has already been used",
            "Each link works once. Ask for a new one if you still need to change your password."),
        OneTimeLinkStatus.Expired => ("This link has expired",
            "For your security, reset links stop working after a while. Ask for a new one."),
        _ => ("This link is not valid",
            "The link may be incomplete: copy the whole address from the e-mail, or ask for a new link."),
    };

    protected override async Task<IActionResult> PasswordSavedAsync(PortalUser user)
    {
        await audit.RecordAsync(new AuditEntry(AuditActions.PasswordChanged, AuditTargetTypes.User, user.Id.ToString(), "reset by e-mail link") { ActorId = user.Id, ActorName = user.Email });
        TempData[TempDataKeys.Status] = "Your password has been changed. Sign in with it now.";
        return RedirectToPage("/Account/SignIn");
    }
}
