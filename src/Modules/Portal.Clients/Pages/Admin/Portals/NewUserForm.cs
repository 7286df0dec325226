using Portal.Clients.Models;

namespace Portal.Clients.Pages.Admin.Portals;

/// <summary>The "give someone access" form of a portal's page.</summary>
public sealed class NewUserForm
{
    public string? Email { get; set; }

    public string? DisplayName { get; set; }

    public PortalAccess Access { get; set; } = PortalAccess.Full;

    public DateOnly? ExpiresOn { get; set; }

    public InviteChoice Invite { get; set; } = InviteChoice.Link;
}

public enum InviteChoice
{
    /// <summary>E-mail a link to choose a password (through Portal reminders).</summary>
    Link,

    /// <summary>Show a temporary password once, to pass on by phone or in person.</summary>
    TemporaryPassword,

    /// <summary>Give access now, invite later.</summary>
    None,
}
