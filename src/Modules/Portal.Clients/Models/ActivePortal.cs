namespace Portal.Clients.Models;

/// <summary>A portal a user may use today, with their access to it.</summary>
public sealed record ActivePortal(Guid PortalId, string Name, PortalAccess Access, DateOnly? ExpiresOn);
