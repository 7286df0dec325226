namespace Portal.Clients.Models;

/// <summary>One row of the admin portal list.</summary>
public sealed record PortalListItem(Guid Id, string Name, IReadOnlyList<string> ClientNames, int UserCount);
