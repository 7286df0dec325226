using System.Security.Claims;

namespace Portal.Core.Navigation;

/// <summary>
/// A number shown beside a menu entry, for the signed-in user (unread messages, open tasks). The
/// layouts ask each registered count whose <see cref="Path"/> is an entry of the menu they draw, so a
/// count costs one indexed query per page and none when its entry is hidden.
/// </summary>
public interface INavigationCount
{
    /// <summary>The <see cref="AdminMenuItem.Path"/> or <see cref="ClientNavItem.Path"/> the number belongs to.</summary>
    string Path { get; }

    /// <summary>What the number says, for screen readers and tooltips: e.g. "unread messages".</summary>
    string Meaning { get; }

    /// <summary>The number; 0 shows nothing.</summary>
    Task<int> CountAsync(ClaimsPrincipal user, CancellationToken cancellationToken);
}
