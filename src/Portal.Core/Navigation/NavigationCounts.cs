using System.Security.Claims;

namespace Portal.Core.Navigation;

/// <summary>
/// The numbers a layout draws beside its menu entries: for the paths it draws, each registered
/// <see cref="INavigationCount"/> of that path is asked once (one query each); entries not drawn cost nothing.
/// </summary>
public sealed class NavigationCounts(IEnumerable<INavigationCount> counts)
{
    public async Task<IReadOnlyDictionary<string, NavigationBadge>> ForAsync(ClaimsPrincipal user, IEnumerable<string> paths, CancellationToken cancellationToken = default)
    {
        var drawn = paths.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var badges = new Dictionary<string, NavigationBadge>(StringComparer.OrdinalIgnoreCase);
        if (user.Identity?.IsAuthenticated != true)
        {
            return badges;
        }

        foreach (var count in counts.Where(c => drawn.Contains(c.Path)))
        {
            var number = await count.CountAsync(user, cancellationToken);
            if (number > 0 && !badges.ContainsKey(count.Path))
            {
                badges[count.Path] = new NavigationBadge(number, count.Meaning);
            }
        }

        return badges;
    }
}

/// <summary>A number to draw beside an entry, and what it counts ("3 unread conversations").</summary>
public sealed record NavigationBadge(int Number, string Meaning)
{
    public string Label => $"{Number} {Meaning}";
}
