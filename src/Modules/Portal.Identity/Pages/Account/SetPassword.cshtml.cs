using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Portal.Core.Links;
using Portal.Core.Navigation;
using Portal.Core.Tenancy;
using Portal.Identity.Models;
using Portal.Identity.Services;

namespace Portal.Identity.Pages.Account;

/// <summary>The page behind an invitation link: the user chooses a password and is signed in.</summary>
[AllowAnonymous]
public sealed class SetPasswordModel(
    IOneTimeLinks links,
    UserManager<PortalUser> users,
    SignInManager<PortalUser> signIn,
    UserAccounts accounts,
    SignInFlow signInFlow,
    TenantContext tenantContext) : PasswordLinkPageModel(links, users, accounts)
{
    protected override string Purpose => AccountLinkPurposes.SetPassword;

    protected override (string Title, string Text) Describe(OneTimeLinkStatus problem)
    {
        var practice = tenantContext.Tenant.DisplayName;
        return problem switch
        {
            OneTimeLinkStatus.Used => ("This link has already been used",
                $"Each link works once, and this one has been used to set a password. Sign in with that password, or ask {practice} to send a new link."),
            OneTimeLinkStatus.Expired => ("This link has expired",
                $"For your security, links stop working after a while. Ask {practice} to send you a new one."),
            _ => ("This link is not valid",
                $"The link may be incomplete: copy the whole address from the e-mail, or ask {practice} to send a new one."),
        };
    }

    // The link arrived in the mailbox, which proves the address.
    protected override void BeforePasswordSaved(PortalUser user) => user.EmailConfirmed = true;

    protected override async Task<IActionResult> PasswordSavedAsync(PortalUser user)
    {
        if (user.TwoFactorEnabled)
        {
            // The link proves the mailbox, not the second factor: sign in as usual.
            TempData[TempDataKeys.Status] = "Your password is set. Sign in with it and your authenticator code.";
            return RedirectToPage("/Account/SignIn");
        }

        // Through the same flow as a sign-in: recorded (last sign-in, audit, trusted device), so the
        // user counts as active and a later invitation cannot reset their password.
        await signIn.SignInAsync(user, isPersistent: false);
        return LocalRedirect(await signInFlow.CompleteAsync(HttpContext, user, null, Url, usedSecondFactor: false));
    }
}
