namespace Portal.Core.Navigation;

/// <summary>
/// An entry of the practice admin's navigation. Shown only when the practice has <see cref="Feature"/>
/// on and the user holds <see cref="Permission"/> (when set).
/// </summary>
public sealed record AdminMenuItem(
    string Text,
    string Path,
    string Feature,
    string? Permission = null,
    string Group = "Practice",
    int Position = 100);

/// <summary>Implemented by each module's AdminMenu class.</summary>
public interface IAdminMenuProvider
{
    IEnumerable<AdminMenuItem> GetItems();
}

/// <summary>An entry of the client site's navigation (clients and their portal).</summary>
public sealed record ClientNavItem(string Text, string Path, string Feature, int Position = 100, bool RequiresSignIn = true);

/// <summary>Contributes client-site navigation; it knows who is asking, so items can depend on the user.</summary>
public interface IClientNavProvider
{
    Task<IEnumerable<ClientNavItem>> GetItemsAsync(System.Security.Claims.ClaimsPrincipal user, CancellationToken cancellationToken);
}
