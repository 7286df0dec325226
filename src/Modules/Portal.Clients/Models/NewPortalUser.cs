namespace Portal.Clients.Models;

/// <summary>A person to give access to a portal: found by e-mail, or created as a client user.</summary>
public sealed record NewPortalUser(string Email, string DisplayName, PortalAccess Access, DateOnly? ExpiresOn);
