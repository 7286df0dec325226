namespace Portal.Clients.Models;

public enum ClientSort
{
    Name,
    Kind,
    Created,
}

/// <summary>What the admin list asks for: search text, status tab, sort and page.</summary>
public sealed record ClientListQuery(string? Search, ClientStatus Status, ClientSort Sort, bool Descending, int Page, int PageSize);

/// <summary>One row of the admin list.</summary>
public sealed record ClientListItem(
    Guid Id,
    string Name,
    ClientKind Kind,
    string? ExternalId,
    IReadOnlyList<string> Emails,
    Guid? PortalId,
    string? PortalName,
    DateTime CreatedAt);
