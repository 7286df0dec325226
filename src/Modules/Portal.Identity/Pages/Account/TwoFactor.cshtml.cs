using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Core.Navigation;
using Portal.Core.Security;
using Portal.Identity.Models;
using Portal.Identity.Services;

namespace Portal.Identity.Pages.Account;

/// <summary>Setting up, re-keying and turning off authenticator-app sign-in (changes need the password again).</summary>
[Authorize]
public sealed class TwoFactorModel(UserManager<PortalUser> users, SignInManager<PortalUser> signIn, TwoFactorSetup setup, RecoveryCodes recoveryCodes, UserSessions sessions) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public bool Required { get; set; }

    [BindProperty]
    public string Code { get; set; } = "";

    /// <summary>The secret the page showed, sealed; posted back with the first code.</summary>
    [BindProperty]
    public string? SealedKey { get; set; }

    public bool Enabled { get; private set; }

    public int RecoveryCodesLeft { get; private set; }

    public AuthenticatorEnrolment? Enrolment { get; private set; }

    public IReadOnlyList<string>? NewRecoveryCodes { get; private set; }

    public string? Error { get; private set; }

    public string ContinuePage => User.IsStaffUser() ? "/Admin/Index" : "/Account/Index";

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        return user is null ? Challenge() : await ShowAsync(user);
    }

    public async Task<IActionResult> OnPostEnableAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        var result = await setup.EnableAsync(user, SealedKey, Code ?? "", HttpContext.RequestAborted);
        if (result.RecoveryCodes is null)
        {
            Error = result.Problem;
            return await ShowAsync(user, SealedKey);
        }

        // The new security stamp ends the user's other sessions; this one carries on with it.
        await sessions.EndOthersAsync(user.Id, DatabaseTicketStore.CurrentSession(HttpContext) ?? "", HttpContext.RequestAborted);
        await signIn.RefreshSignInAsync(user);
        NewRecoveryCodes = result.RecoveryCodes;
        return Page();
    }

    public async Task<IActionResult> OnPostNewRecoveryCodesAsync(string password)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (!await users.CheckPasswordAsync(user, password ?? ""))
        {
            Error = "Your password is not right.";
            return await ShowAsync(user);
        }

        NewRecoveryCodes = await recoveryCodes.ReplaceAsync(user, HttpContext.RequestAborted);
        return Page();
    }

    public async Task<IActionResult> OnPostDisableAsync(string password)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (!await users.CheckPasswordAsync(user, password ?? ""))
        {
            Error = "Your password is not right.";
            return await ShowAsync(user);
        }

        await setup.DisableAsync(user, HttpContext.RequestAborted);
        await signIn.RefreshSignInAsync(user);
        TempData[TempDataKeys.Status] = "Two-factor sign-in is off.";
        return RedirectToPage("/Account/Index");
    }

    private async Task<IActionResult> ShowAsync(PortalUser user, string? sealedKey = null)
    {
        Enabled = user.TwoFactorEnabled;
        if (Enabled)
        {
            RecoveryCodesLeft = await recoveryCodes.RemainingAsync(user.Id, HttpContext.RequestAborted);
        }
        else
        {
            Enrolment = setup.Enrolment(user, sealedKey);
        }

        return Page();
    }
}
