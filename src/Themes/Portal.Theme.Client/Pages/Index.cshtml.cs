using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Caching;
using Portal.Core.Contracts;
using Portal.Core.Navigation;
using Portal.Core.Security;

namespace Portal.Theme.Client.Pages;

/// <summary>The practice's home page: a welcome for visitors, the client's dashboard once signed in.</summary>
[AllowAnonymous]
[OutputCache(PolicyName = SignedInPages.Policy)]
public sealed class IndexModel(IEnumerable<IClientDashboardCardProvider> providers) : PageModel
{
    public IReadOnlyList<ClientDashboardCard> Cards { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (User.Identity?.IsAuthenticated != true)
        {
            return Page();
        }

        // A client user works in one portal at a time: without one chosen (or access), the chooser explains.
        if (User.IsClientUser()
            && HttpContext.RequestServices.GetService<IClientAccess>() is { } access
            && await access.CurrentPortalAsync(User, HttpContext.RequestAborted) is null)
        {
            return RedirectToPage("/Portals/Choose");
        }

        var cards = new List<ClientDashboardCard>();
        foreach (var provider in providers)
        {
            cards.AddRange(await provider.GetCardsAsync(User, HttpContext.RequestAborted));
        }

        Cards = cards.OrderBy(c => c.Position).ToList();
        return Page();
    }
}
