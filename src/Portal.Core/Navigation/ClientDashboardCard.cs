using System.Security.Claims;

namespace Portal.Core.Navigation;

/// <summary>
/// A card on the client's home page (e.g. "Open requests" with each request and its due date),
/// contributed by a module. Cards are shown by <see cref="Position"/>: what is asked of the client
/// first (tasks and requests, 10-19), then what is new for them (messages 20-29, documents 30-39),
/// then where things stand (projects 40-49, invoices to pay 50-59), then the rest.
/// </summary>
public sealed record ClientDashboardCard(string Title, string Summary, string Path, int Position = 100)
{
    /// <summary>The card's items, at most a handful; the card's <see cref="Path"/> leads to all of them.</summary>
    public IReadOnlyList<ClientDashboardLine> Lines { get; init; } = [];
}

/// <param name="Note">A short fact beside the item: "Due 15 Apr", "Ready for review", "2 unread".</param>
/// <param name="NeedsAttention">Overdue, or waiting on the client: drawn so it stands out.</param>
public sealed record ClientDashboardLine(string Text, string Path, string? Note = null, bool NeedsAttention = false);

public interface IClientDashboardCardProvider
{
    Task<IReadOnlyList<ClientDashboardCard>> GetCardsAsync(ClaimsPrincipal user, CancellationToken cancellationToken);
}
