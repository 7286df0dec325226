using Microsoft.AspNetCore.Identity;
using Portal.Core.Security;

namespace Portal.Identity.Models;

/// <summary>A staff role; its permissions are role claims of type <see cref="PortalClaimTypes.Permission"/>.</summary>
public sealed class PortalRole : IdentityRole<Guid>
{
    public const string Administrator = RoleNames.Administrator;
    public const string Staff = RoleNames.Staff;

    public string DisplayName { get; set; } = "";

    public string Description { get; set; } = "";

    /// <summary>Built-in roles (Administrator, Staff) cannot be deleted or renamed.</summary>
    public bool IsSystem { get; set; }
}
