namespace Portal.Clients.Pages.Admin.Portals;

/// <summary>A temporary password just issued: rendered once in the response, never stored.</summary>
public sealed record IssuedPassword(string DisplayName, string Email, string Password);
