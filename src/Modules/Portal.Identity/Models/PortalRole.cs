using Microsoft.AspNetCore.Identity;

namespace Portal.Identity.Models;

/// <summary>A staff role; its permissions are role claims of type <see cref="PortalClaimTypes.Permission"/>.</summary>
public sealed class PortalRole : IdentityRole<Guid>
{
    public const string Administrator = "Administrator";
    public const string Staff = "Staff";

    public string DisplayName { get; set; } = "";

    public string Description { get; set; } = "";

    /// <summary>Built-in roles (Administrator, Staff) cannot be deleted or renamed.</summary>
    public bool IsSystem { get; set; }
}
