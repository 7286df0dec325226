using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Core.Navigation;

namespace Portal.Sync.Pages.Admin.Connect;

/// <summary>
/// Where the program's loopback listener sends the browser after it received the answer: says what
/// was decided and that the tab can be closed, instead of a page that "is not working".
/// </summary>
[Authorize]
public sealed class FinishedModel : PageModel
{
    public string? Outcome { get; private set; }

    public void OnGet()
    {
        // Shown here in the page's words, so the layout's status alert does not repeat it.
        Outcome = TempData[TempDataKeys.Status] as string;
        TempData.Remove(TempDataKeys.Status);
    }
}
