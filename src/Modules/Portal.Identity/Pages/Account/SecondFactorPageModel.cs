using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Identity.Models;
using Portal.Identity.Services;

namespace Portal.Identity.Pages.Account;

/// <summary>
/// The second step of signing in, after the password: reachable only with the pending two-factor
/// cookie, throttled and recorded like the password step so codes cannot be guessed.
/// </summary>
public abstract class SecondFactorPageModel(SignInManager<PortalUser> signIn, SignInFlow flow) : PageModel
{
    [BindProperty]
    public string Code { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }

    protected SignInManager<PortalUser> SignInManager => signIn;

    /// <summary>What the audit trail says of a refused code.</summary>
    protected abstract string FailureReason { get; }

    /// <summary>What the user is told of a refused code.</summary>
    protected abstract string FailureMessage { get; }

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

        if (!await TrySignInAsync(user, Code ?? ""))
        {
            await flow.RecordFailureAsync(HttpContext, user.Email!, user, FailureReason);
            Error = FailureMessage;
            return Page();
        }

        return LocalRedirect(await flow.CompleteAsync(HttpContext, user, ReturnUrl, Url, usedSecondFactor: true));
    }

    /// <summary>Checks the code and, when it is right, signs the user in with both factors.</summary>
    protected abstract Task<bool> TrySignInAsync(PortalUser user, string code);
}
