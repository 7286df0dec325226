namespace Portal.Core.Settings;

/// <summary>One section of a practice's settings, stored as JSON.</summary>
public sealed class SettingsRecord
{
    public string Section { get; set; } = "";

    public string Json { get; set; } = "{}";

    public DateTime UpdatedAt { get; set; }
}
