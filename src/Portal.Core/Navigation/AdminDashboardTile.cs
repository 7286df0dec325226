using System.Security.Claims;

namespace Portal.Core.Navigation;

/// <summary>A figure on the practice admin's dashboard (e.g. "New files: 4"), contributed by a module.</summary>
public sealed record AdminDashboardTile(string Label, string Value, string Path, int Position = 100);

public interface IAdminDashboardTileProvider
{
    Task<IReadOnlyList<AdminDashboardTile>> GetTilesAsync(ClaimsPrincipal user, CancellationToken cancellationToken);
}
