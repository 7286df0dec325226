namespace Portal.Sync.Api;

/// <summary>A person who signs in for a contact; <see cref="ExternalId"/> keeps their identity when the address changes.</summary>
public sealed record ContactPortalUser(string? ExternalId, string? Email, string? Name);
