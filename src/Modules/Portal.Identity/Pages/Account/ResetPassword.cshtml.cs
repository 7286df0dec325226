using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Core.Contracts;
using Portal.Identity.Models;
using Portal.Identity.Services;

namespace Portal.Identity.Pages.Account;

/// <summary>
/// Sets a new password from a reset link. It ends every session of the user and does not sign in:
/// the user signs in normally afterwards, so a reset never skips their second factor.
/// </summary>
[AllowAnonymous]
public sealed class ResetPasswordModel(AccountTokenService tokens, UserManager<PortalUser> users, UserAccounts accounts, IAuditLog audit) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    [BindProperty]
    public string Password { get; set; } = "";

    [BindProperty]
    public string ConfirmPassword { get; set; } = "";

    public string Email { get; private set; } = "";

    public int MinimumLength { get; private set; } = PortalPasswordValidator.ClientMinimumLength;

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
            Errors.AddRange((await validator.ValidateAsync(users, user, Password)).Errors.Select(e => e.Description));
        }

        if (Errors.Count > 0)
        {
            return Page();
        }

        if (!await tokens.RedeemAsync(token.Id))
        {
            LinkProblem = "This link has already been used.";
            return Page();
        }

        user.MustChangePassword = false;
        var result = await accounts.ReplacePasswordAsync(user, Password, endSessions: true, HttpContext.RequestAborted);
        if (!result.Succeeded)
        {
            Errors.AddRange(result.Errors.Select(e => e.Description));
            return Page();
        }

        await audit.RecordAsync(new AuditEntry(AuditActions.PasswordChanged, "user", user.Id.ToString(), "reset by e-mail link") { ActorId = user.Id, ActorName = user.Email });
        TempData["Status"] = "Your password has been changed. Sign in with it now.";
        return RedirectToPage("/Account/SignIn");
    }

    private async Task<(AccountToken? Token, PortalUser? User)> LoadAsync()
    {
        var check = await tokens.CheckAsync(Token, AccountTokenPurpose.ResetPassword);
        var user = check.Token is null ? null : await users.FindByIdAsync(check.Token.UserId.ToString());
        if (check.Status != AccountTokenStatus.Valid || user is null || user.IsDisabled)
        {
            Response.StatusCode = check.Status == AccountTokenStatus.Expired ? StatusCodes.Status410Gone : StatusCodes.Status400BadRequest;
            LinkProblem = check.Status switch
            {
                AccountTokenStatus.Used => "This link has already been used. Ask for a new one if you still need to change your password.",
                AccountTokenStatus.Expired => "This link has expired. Ask for a new one.",
                _ => "This link is not valid. Copy the whole address from the e-mail, or ask for a new link.",
            };
            return (null, null);
        }

        Email = user.Email ?? "";
        MinimumLength = user.Kind == UserKind.Staff ? PortalPasswordValidator.StaffMinimumLength : PortalPasswordValidator.ClientMinimumLength;
        return (check.Token, user);
    }
}
