using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Identity.Models;
using Portal.Identity.Services;

namespace Portal.Identity.Pages.Account;

/// <summary>The second step of signing in for users with an authenticator app.</summary>
[AllowAnonymous]
public sealed class SignInTwoFactorModel(SignInManager<PortalUser> signIn, SignInFlow flow) : PageModel
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

        var result = await signIn.TwoFactorAuthenticatorSignInAsync(Code ?? "", isPersistent: false, rememberClient: false);
        if (!result.Succeeded)
        {
            await flow.RecordFailureAsync(HttpContext, user.Email!, user, "wrong or reused authentication code");
            Error = "That code is not right, or it has been used already. Codes change every 30 seconds: wait for the next one and try again.";
            return Page();
        }

        return LocalRedirect(await flow.CompleteAsync(HttpContext, user, ReturnUrl, Url, usedSecondFactor: true));
    }
}
