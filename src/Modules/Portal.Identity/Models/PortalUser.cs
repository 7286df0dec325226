using Microsoft.AspNetCore.Identity;

namespace Portal.Identity.Models;

/// <summary>A person who signs in to a practice's site: a staff member or a client user.</summary>
public sealed class PortalUser : IdentityUser<Guid>
{
    public string DisplayName { get; set; } = "";

    public UserKind Kind { get; set; }

    /// <summary>A disabled user cannot sign in and loses every session at once.</summary>
    public bool IsDisabled { get; set; }

    /// <summary>Set when the practice issued a temporary password.</summary>
    public bool MustChangePassword { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? LastSignInAt { get; set; }
}
