using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Core.Tenancy;
using Portal.Identity.Models;
using Portal.Identity.Services;

namespace Portal.Identity.Pages.Account;

/// <summary>The page behind an invitation link: the user chooses a password and is signed in.</summary>
[AllowAnonymous]
public sealed class SetPasswordModel(
    AccountTokenService tokens,
    UserManager<PortalUser> users,
    SignInManager<PortalUser> signIn,
    UserAccounts accounts,
    SignInFlow signInFlow,
    TenantContext tenantContext) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    [BindProperty]
    public string Password { get; set; } = "";

    [BindProperty]
    public string ConfirmPassword { get; set; } = "";

    public string Email { get; private set; } = "";

    public int MinimumLength { get; private set; } = PortalPasswordValidator.ClientMinimumLength;

    public string? LinkProblemTitle { get; private set; }

    public string? LinkProblem { get; private set; }

    public List<string> Errors { get; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var (token, user) = await LoadAsync();
        if (token is null || user is null)
        {
            return Page();
        }

        if (Password != ConfirmPassword)
        {
            Errors.Add("The two passwords are not the same.");
            return Page();
        }

        foreach (var validator in users.PasswordValidators)
        {
            var check = await validator.ValidateAsync(users, user, Password);
            Errors.AddRange(check.Errors.Select(e => e.Description));
        }

        if (Errors.Count > 0)
        {
            return Page();
        }

        if (!await tokens.RedeemAsync(token.Id))
        {
            SetProblem(AccountTokenStatus.Used);
            return Page();
        }

        user.EmailConfirmed = true;
        user.MustChangePassword = false;
        var result = await accounts.ReplacePasswordAsync(user, Password, endSessions: true, HttpContext.RequestAborted);
        if (!result.Succeeded)
        {
            Errors.AddRange(result.Errors.Select(e => e.Description));
            return Page();
        }

        if (user.TwoFactorEnabled)
        {
            // The link proves the mailbox, not the second factor: sign in as usual.
            TempData["Status"] = "Your password is set. Sign in with it and your authenticator code.";
            return RedirectToPage("/Account/SignIn");
        }

        // Through the same flow as a sign-in: recorded (last sign-in, audit, trusted device), so the
        // user counts as active and a later invitation cannot reset their password.
        await signIn.SignInAsync(user, isPersistent: false);
        return LocalRedirect(await signInFlow.CompleteAsync(HttpContext, user, null, Url, usedSecondFactor: false));
    }

    private async Task<(AccountToken? Token, PortalUser? User)> LoadAsync()
    {
        var check = await tokens.CheckAsync(Token, AccountTokenPurpose.SetPassword);
        if (check.Status != AccountTokenStatus.Valid)
        {
            SetProblem(check.Status);
            return (null, null);
        }

        var user = await users.FindByIdAsync(check.Token!.UserId.ToString());
        if (user is null || user.IsDisabled)
        {
            SetProblem(AccountTokenStatus.Invalid);
            return (null, null);
        }

        Email = user.Email ?? "";
        MinimumLength = user.Kind == UserKind.Staff ? PortalPasswordValidator.StaffMinimumLength : PortalPasswordValidator.ClientMinimumLength;
        return (check.Token, user);
    }

    private void SetProblem(AccountTokenStatus status)
    {
        Response.StatusCode = status == AccountTokenStatus.Expired ? StatusCodes.Status410Gone : StatusCodes.Status400BadRequest;
        var practice = tenantContext.Tenant.DisplayName;
        (LinkProblemTitle, LinkProblem) = status switch
        {
            AccountTokenStatus.Used => ("This link has already been used",
                $"Each link works once, and this one has been used to set a password. Sign in with that password, or ask {practice} to send a new link."),
            AccountTokenStatus.Expired => ("This link has expired",
                $"For your security, links stop working after a while. Ask {practice} to send you a new one."),
            _ => ("This link is not valid",
                $"The link may be incomplete: copy the whole address from the e-mail, or ask {practice} to send a new one."),
        };
    }
}
