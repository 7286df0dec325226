using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Core.Navigation;

namespace Portal.Theme.Client.Pages;

/// <summary>The practice's home page: a welcome for visitors, the client's dashboard once signed in.</summary>
[AllowAnonymous]
public sealed class IndexModel(IEnumerable<IClientDashboardCardProvider> providers) : PageModel
{
    public IReadOnlyList<ClientDashboardCard> Cards { get; private set; } = [];

    public async Task OnGetAsync()
    {
        if (User.Identity?.IsAuthenticated != true)
        {
            return;
        }

        var cards = new List<ClientDashboardCard>();
        foreach (var provider in providers)
        {
            cards.AddRange(await provider.GetCardsAsync(User, HttpContext.RequestAborted));
        }

        Cards = cards.OrderBy(c => c.Position).ToList();
    }
}
