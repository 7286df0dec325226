namespace Portal.Projects.Services;

/// <summary>What staff (or a recipe, or the sync API) say about a project: its name, expected date and external id; a new project also its first status.</summary>
public sealed record ProjectInput(string? Name, Guid? StatusId, DateOnly? ExpectedOn, string? ExternalId);
