namespace Portal.Sync.Api;

/// <summary>A project of the practice's software, with its status and assignment notes (docs/api.md, "Projects").</summary>
/// <param name="Status">A status name of the practice's list, any case.</param>
/// <param name="ExpectedOn"><c>yyyy-MM-dd</c>, or null for no promised date.</param>
public sealed record ProjectItem(
    string? ExternalId,
    bool Deleted,
    string? ClientExternalId,
    string? Name,
    string? Status,
    string? ExpectedOn,
    string? Note,
    IReadOnlyList<ProjectAssignment>? Assignments) : ISyncItem;
