namespace Portal.Clients.Models;

/// <summary>A user's access to a portal. The user lives in the Identity module and is referenced by id only.</summary>
public sealed class PortalMember
{
    public Guid Id { get; set; }

    public Guid PortalId { get; set; }

    public Guid UserId { get; set; }

    public PortalAccess Access { get; set; }

    /// <summary>Last day of access (in the practice's time zone); contributors only. Null: no end.</summary>
    public DateOnly? ExpiresOn { get; set; }

    public DateTime CreatedAt { get; set; }

    public Guid? CreatedBy { get; set; }

    public DateTime UpdatedAt { get; set; }
}
