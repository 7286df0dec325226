namespace Portal.Clients.Models;

public enum PortalAccess
{
    /// <summary>Everything of the portal's clients.</summary>
    Full,

    /// <summary>Only what is shared with them (a banker, a bookkeeper); may expire.</summary>
    Contributor,
}
