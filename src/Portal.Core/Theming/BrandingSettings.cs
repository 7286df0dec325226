using Portal.Core.Settings;

namespace Portal.Core.Theming;

/// <summary>The practice's look: colors and logo, rendered as CSS custom properties on every page.</summary>
public sealed class BrandingSettings : ISettingsSection
{
    public const int MaxLogoBytes = 512 * 1024;

    public static string SectionName => "branding";

    public string PrimaryColor { get; set; } = "#1f5f8b";

    public string AccentColor { get; set; } = "#e07a1f";

    /// <summary>image/png, image/jpeg or image/svg+xml.</summary>
    public string? LogoContentType { get; set; }

    /// <summary>Base64; kept in the database so every server has it.</summary>
    public string? LogoData { get; set; }

    public bool HasLogo => LogoData is not null && LogoContentType is not null;
}
