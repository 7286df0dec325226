namespace Portal.Core.Settings;

/// <summary>
/// How many times one settings section of one practice has been saved (host store, table
/// SettingsVersions). Every server keys its cached copy of the section on this number, so a save
/// retires that section's copies everywhere and nothing else (see <see cref="SettingsVersions"/>).
/// </summary>
public sealed class SettingsVersionRecord
{
    /// <summary>The practice's registry id (not its name, which a later practice may reuse).</summary>
    public Guid TenantId { get; set; }

    public string Section { get; set; } = "";

    public long Version { get; set; }

    public DateTime UpdatedAt { get; set; }
}
