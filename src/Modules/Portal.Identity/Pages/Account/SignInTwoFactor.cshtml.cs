using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Portal.Identity.Models;
using Portal.Identity.Services;

namespace Portal.Identity.Pages.Account;

/// <summary>The second step of signing in for users with an authenticator app.</summary>
[AllowAnonymous]
public sealed class SignInTwoFactorModel(SignInManager<PortalUser> signIn, SignInFlow flow) : SecondFactorPageModel(signIn, flow)
{
    protected override string FailureReason => "wrong or reused authentication code";

    protected override string FailureMessage
        => "That code is not right, or it has been used already. Codes change every 30 seconds: wait for the next one and try again.";

    protected override async Task<bool> TrySignInAsync(PortalUser user, string code)
        => (await SignInManager.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false)).Succeeded;
}
