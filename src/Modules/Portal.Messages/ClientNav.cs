using System.Security.Claims;
using Portal.Core.Navigation;

namespace Portal.Messages;

internal sealed class ClientNav : IClientNavProvider
{
    public const string MessagesPath = "/messages";
    public const string ContactPath = "/contact";

    public Task<IEnumerable<ClientNavItem>> GetItemsAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
        => Task.FromResult<IEnumerable<ClientNavItem>>(
        [
            new("Messages", MessagesPath, Manifest.Feature, 20),
            new("Contact us", ContactPath, Manifest.Feature, 80),
        ]);
}
