using System.Security.Claims;

namespace Portal.Core.Navigation;

/// <summary>A tile on the client's home page (e.g. "3 new documents"), contributed by a module.</summary>
public sealed record ClientDashboardCard(string Title, string Summary, string Path, int Position = 100);

public interface IClientDashboardCardProvider
{
    Task<IReadOnlyList<ClientDashboardCard>> GetCardsAsync(ClaimsPrincipal user, CancellationToken cancellationToken);
}
