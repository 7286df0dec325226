using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Core.Contracts;
using Portal.Core.Navigation;
using Portal.Core.Security;
using Portal.Identity.Models;
using Portal.Identity.Services;

namespace Portal.Identity.Pages.Account;

/// <summary>Changing one's password (required after signing in with a temporary one). Other sessions end.</summary>
[Authorize]
public sealed class ChangePasswordModel(UserManager<PortalUser> users, SignInManager<PortalUser> signIn, UserSessions sessions, IAuditLog audit) : PageModel
{
    [BindProperty]
    public string CurrentPassword { get; set; } = "";

    [BindProperty]
    public string Password { get; set; } = "";

    [BindProperty]
    public string ConfirmPassword { get; set; } = "";

    public bool Required => User.HasClaim(PortalClaimTypes.MustChangePassword, "true");

    public int MinimumLength => PortalPasswordValidator.MinimumLengthFor(User.IsStaffUser() ? UserKind.Staff : UserKind.Client);

    public List<string> Errors { get; } = [];

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (Password != ConfirmPassword)
        {
            Errors.Add("The two new passwords are not the same.");
            return Page();
        }

        if (Password == CurrentPassword)
        {
            Errors.Add("Choose a password different from the current one.");
            return Page();
        }

        var result = await users.ChangePasswordAsync(user, CurrentPassword ?? "", Password ?? "");
        if (!result.Succeeded)
        {
            Errors.AddRange(result.Errors.Select(e => e.Code == "PasswordMismatch" ? (Required ? "The temporary password is not right." : "Your current password is not right.") : e.Description));
            return Page();
        }

        user.MustChangePassword = false;
        await users.UpdateAsync(user);
        await sessions.EndOthersAsync(user.Id, DatabaseTicketStore.CurrentSession(HttpContext) ?? "");
        await signIn.RefreshSignInAsync(user);
        await audit.RecordAsync(new AuditEntry(AuditActions.PasswordChanged, AuditTargetTypes.User, user.Id.ToString()));
        TempData[TempDataKeys.Status] = "Your password has been changed. Any other sessions have been signed out.";
        return RedirectToPage(user.Kind == UserKind.Staff ? "/Admin/Index" : "/Index");
    }
}
