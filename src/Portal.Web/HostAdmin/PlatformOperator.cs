using Microsoft.AspNetCore.Identity;

namespace Portal.Web.HostAdmin;

/// <summary>A person who runs the platform: creates practices, switches them off. Lives in the host store.</summary>
public sealed class PlatformOperator : IdentityUser<Guid>
{
    public string DisplayName { get; set; } = "";
}
