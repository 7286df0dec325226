using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Web.HostAdmin;

namespace Portal.Web.Pages.HostAdmin;

public sealed class SignOutModel(OperatorSignIn signIn) : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/HostAdmin/Index");

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        return RedirectToPage("/HostAdmin/SignIn");
    }
}
