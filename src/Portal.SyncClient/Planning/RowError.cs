namespace PortalSync.Planning;

/// <summary>A row that did not go (found here before sending, or refused by the portal).</summary>
internal sealed record RowError(string Kind, string ExternalId, string? Field, string Code, string Message);
