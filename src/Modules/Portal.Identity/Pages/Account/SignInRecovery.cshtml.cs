using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Core.Contracts;
using Portal.Identity.Models;
using Portal.Identity.Services;

namespace Portal.Identity.Pages.Account;

[AllowAnonymous]
public sealed class SignInRecoveryModel(SignInManager<PortalUser> signIn, RecoveryCodes recoveryCodes, SignInFlow flow, IAuditLog audit) : PageModel
{
    [BindProperty]
    public string Code { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync()
        => await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("/Account/SignIn") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            return RedirectToPage("/Account/SignIn");
        }

        if (await flow.IsThrottledAsync(HttpContext, user.Email!, user))
        {
            Error = SignInModel.ThrottledMessage;
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            return Page();
        }

        if (!await recoveryCodes.RedeemAsync(user, Code ?? "", HttpContext.RequestAborted))
        {
            await flow.RecordFailureAsync(HttpContext, user.Email!, user, "wrong or used recovery code");
            Error = "That recovery code is not right, or it has been used already.";
            return Page();
        }

        await audit.RecordAsync(new AuditEntry(AuditActions.RecoveryCodeUsed, "user", user.Id.ToString()) { ActorId = user.Id, ActorName = user.Email });
        await HttpContext.SignOutAsync(IdentityConstants.TwoFactorUserIdScheme);
        await signIn.SignInWithClaimsAsync(user, isPersistent: false, [new Claim("amr", "mfa")]);
        return LocalRedirect(await flow.CompleteAsync(HttpContext, user, ReturnUrl, Url, usedSecondFactor: true));
    }
}
