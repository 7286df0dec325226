using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Portal.Core.Contracts;
using Portal.Identity.Models;
using Portal.Identity.Services;

namespace Portal.Identity.Pages.Account;

/// <summary>The second step of signing in with a one-time recovery code, for a user without their authenticator.</summary>
[AllowAnonymous]
public sealed class SignInRecoveryModel(SignInManager<PortalUser> signIn, RecoveryCodes recoveryCodes, SignInFlow flow, IAuditLog audit)
    : SecondFactorPageModel(signIn, flow)
{
    protected override string FailureReason => "wrong or used recovery code";

    protected override string FailureMessage => "That recovery code is not right, or it has been used already.";

    protected override async Task<bool> TrySignInAsync(PortalUser user, string code)
    {
        if (!await recoveryCodes.RedeemAsync(user, code, HttpContext.RequestAborted))
        {
            return false;
        }

        await audit.RecordAsync(new AuditEntry(AuditActions.RecoveryCodeUsed, AuditTargetTypes.User, user.Id.ToString()) { ActorId = user.Id, ActorName = user.Email });
        await HttpContext.SignOutAsync(IdentityConstants.TwoFactorUserIdScheme);
        await SignInManager.SignInWithClaimsAsync(user, isPersistent: false, [new Claim("amr", "mfa")]);
        return true;
    }
}
