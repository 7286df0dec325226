namespace Portal.Sync.Api;

/// <summary>A contact of the practice's software: a portal client and the people who sign in for it (docs/api.md, "Contacts").</summary>
/// <param name="Kind"><c>person</c> or <c>business</c>.</param>
/// <param name="Province">Province or territory code; null leaves the stored one.</param>
public sealed record ContactItem(
    string? ExternalId,
    bool Deleted,
    string? Kind,
    string? Name,
    string? Email,
    string? Phone,
    string? Address,
    string? Province,
    IReadOnlyList<ContactPortalUser>? PortalUsers) : ISyncItem;
