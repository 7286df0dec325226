using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Portal.Theme.Client.Pages;

/// <summary>The practice's company information (Customize → Company), for clients and for visitors who are not signed in.</summary>
[AllowAnonymous]
public sealed class ContactDetailsModel : PageModel
{
    public void OnGet()
    {
    }
}
