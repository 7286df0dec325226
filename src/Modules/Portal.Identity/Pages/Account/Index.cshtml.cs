using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Contracts;
using Portal.Core.Navigation;
using Portal.Identity.Data;
using Portal.Identity.Models;
using Portal.Identity.Services;

namespace Portal.Identity.Pages.Account;

/// <summary>The signed-in user's own account: password, two-factor sign-in, sessions.</summary>
[Authorize]
public sealed class AccountModel(UserManager<PortalUser> users, SignInManager<PortalUser> signIn, UsersDbContext db, UserSessions sessions, RecoveryCodes recoveryCodes, IAuditLog audit) : PageModel
{
    public string Email { get; private set; } = "";

    public bool TwoFactorEnabled { get; private set; }

    public int RecoveryCodesLeft { get; private set; }

    public IReadOnlyList<UserSession> Sessions { get; private set; } = [];

    public string? CurrentSessionId => DatabaseTicketStore.CurrentSession(HttpContext);

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        Email = user.Email ?? "";
        TwoFactorEnabled = user.TwoFactorEnabled;
        RecoveryCodesLeft = await recoveryCodes.RemainingAsync(user.Id, HttpContext.RequestAborted);
        Sessions = await db.Sessions.AsNoTracking().Where(s => s.UserId == user.Id).OrderByDescending(s => s.LastActivityAt).Take(50)
            .Select(s => new UserSession { Id = s.Id, CreatedAt = s.CreatedAt, LastActivityAt = s.LastActivityAt, IpAddress = s.IpAddress, UserAgent = s.UserAgent })
            .ToListAsync(HttpContext.RequestAborted);
        return Page();
    }

    public async Task<IActionResult> OnPostSignOutOthersAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        var ended = await sessions.EndOthersAsync(user.Id, CurrentSessionId ?? "", HttpContext.RequestAborted);
        await audit.RecordAsync(new AuditEntry(AuditActions.SignedOutEverywhere, AuditTargetTypes.User, user.Id.ToString(), $"{ended} other sessions"));
        TempData[TempDataKeys.Status] = ended == 1 ? "1 other session was signed out." : $"{ended} other sessions were signed out.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostSignOutEverywhereAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        await audit.RecordAsync(new AuditEntry(AuditActions.SignedOutEverywhere, AuditTargetTypes.User, user.Id.ToString(), "all sessions"));
        await sessions.EndAllAsync(user.Id, HttpContext.RequestAborted);
        await users.UpdateSecurityStampAsync(user);
        await signIn.SignOutAsync();
        return RedirectToPage("/Account/SignIn");
    }
}
