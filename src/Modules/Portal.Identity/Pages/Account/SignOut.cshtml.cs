using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Core.Contracts;
using Portal.Core.Navigation;
using Portal.Identity.Models;

namespace Portal.Identity.Pages.Account;

/// <summary>
/// Signing out ends the session on the server. When modules have something the user should deal
/// with first (unsent portal reminders), the user is asked before signing out.
/// </summary>
[Microsoft.AspNetCore.Authorization.AllowAnonymous]
public sealed class SignOutModel(SignInManager<PortalUser> signIn, IEnumerable<ISignOutNotice> notices, IAuditLog audit) : PageModel
{
    public List<SignOutNoticeItem> Notices { get; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (User.Identity?.IsAuthenticated != true)
        {
            return RedirectToPage("/Index");
        }

        await LoadNoticesAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(bool confirmed)
    {
        if (User.Identity?.IsAuthenticated != true)
        {
            return RedirectToPage("/Index");
        }

        if (!confirmed && await LoadNoticesAsync() > 0)
        {
            return Page();
        }

        await audit.RecordAsync(new AuditEntry(AuditActions.SignedOut));
        await signIn.SignOutAsync();
        TempData[TempDataKeys.Status] = "You have signed out. On a shared computer, close the browser too.";
        return RedirectToPage("/Index");
    }

    private async Task<int> LoadNoticesAsync()
    {
        foreach (var notice in notices)
        {
            if (await notice.GetAsync(User, HttpContext.RequestAborted) is { } item)
            {
                Notices.Add(item);
            }
        }

        return Notices.Count;
    }
}
