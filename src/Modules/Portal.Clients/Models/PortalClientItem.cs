namespace Portal.Clients.Models;

/// <summary>A client as listed on a portal's page, or offered to be added to it (with the portal it is in, if any).</summary>
public sealed record PortalClientItem(Guid Id, string Name, ClientKind Kind, string? ExternalId, ClientStatus Status, Guid? PortalId = null, string? PortalName = null);
