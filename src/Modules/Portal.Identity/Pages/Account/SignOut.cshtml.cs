using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Identity.Models;

namespace Portal.Identity.Pages.Account;

/// <summary>Signing out needs no session: without one it simply returns home.</summary>
[Microsoft.AspNetCore.Authorization.AllowAnonymous]
public sealed class SignOutModel(SignInManager<PortalUser> signIn) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        return LocalRedirect("~/");
    }
}
