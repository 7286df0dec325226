namespace Portal.Core.Settings;

/// <summary>General facts about the practice shown on its site and in its e-mails.</summary>
public sealed class SiteSettings : ISettingsSection
{
    public static string SectionName => "site";

    public string? ContactEmail { get; set; }

    public string? ContactPhone { get; set; }

    public string? Address { get; set; }

    public string? WebsiteUrl { get; set; }

    /// <summary>IANA time zone used to show dates to the practice's users.</summary>
    public string TimeZone { get; set; } = "UTC";

    /// <summary>Shown on the practice's home page above the sign-in button.</summary>
    public string? Welcome { get; set; }
}
