using System.Security.Claims;
using Portal.Core.Navigation;
using Portal.Core.Settings;
using Portal.Core.Theming;

namespace Portal.Messages;

/// <summary>Messages (to read, always) and Contact us (only while the practice lets clients write).</summary>
internal sealed class ClientNav(SiteSettingsStore settings) : IClientNavProvider
{
    public const string MessagesPath = "/messages";
    public const string ContactPath = "/contact";

    public async Task<IEnumerable<ClientNavItem>> GetItemsAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        List<ClientNavItem> items = [new("Messages", MessagesPath, Manifest.Feature, 20)];
        if ((await settings.GetAsync<ClientSiteSwitches>(cancellationToken)).ClientMessages)
        {
            items.Add(new("Contact us", ContactPath, Manifest.Feature, 80));
        }

        return items;
    }
}
