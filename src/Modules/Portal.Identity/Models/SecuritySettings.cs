using Portal.Core.Settings;

namespace Portal.Identity.Models;

/// <summary>The practice's sign-in policy.</summary>
public sealed record SecuritySettings : ISettingsSection
{
    public static string SectionName => "security";

    /// <summary>Staff must use two-factor sign-in; those without it are sent to set it up.</summary>
    public bool RequireTwoFactorForStaff { get; init; }
}
