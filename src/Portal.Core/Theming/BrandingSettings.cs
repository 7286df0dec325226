using System.Text.Json.Serialization;
using Portal.Core.Settings;

namespace Portal.Core.Theming;

/// <summary>The practice's look: colors and logo, rendered as CSS custom properties on every page.</summary>
public sealed record BrandingSettings : ISettingsSection
{
    /// <summary>The brand colors of a practice that has not chosen its own (the only place they are written in code).</summary>
    public const string DefaultPrimaryColor = "#1f5f8b";
    public const string DefaultAccentColor = "#e07a1f";

    public static string SectionName => "branding";

    public string PrimaryColor { get; init; } = DefaultPrimaryColor;

    public string AccentColor { get; init; } = DefaultAccentColor;

    /// <summary>The logo's blob in the practice's encrypted store (<see cref="BrandingLogo"/>); set by the portal, never by a recipe.</summary>
    [SetByPortal]
    public string? LogoBlobKey { get; init; }

    /// <summary>image/png, image/jpeg or image/svg+xml.</summary>
    [SetByPortal]
    public string? LogoContentType { get; init; }

    [JsonIgnore]
    public bool HasLogo => LogoBlobKey is not null && LogoContentType is not null;

    /// <summary>The primary color as CSS may use it: the default when the stored one is not a valid color.</summary>
    [JsonIgnore]
    public string Primary => BrandColor.Normalize(PrimaryColor, DefaultPrimaryColor);

    [JsonIgnore]
    public string Accent => BrandColor.Normalize(AccentColor, DefaultAccentColor);

    public static IEnumerable<SettingsProblem> Validate(BrandingSettings branding)
    {
        if (!BrandColor.IsValid(branding.PrimaryColor))
        {
            yield return SettingsProblem.Of(nameof(PrimaryColor), BrandColor.Expected);
        }

        if (!BrandColor.IsValid(branding.AccentColor))
        {
            yield return SettingsProblem.Of(nameof(AccentColor), BrandColor.Expected);
        }

        if (branding.LogoBlobKey is not null != branding.LogoContentType is not null
            || (branding.LogoBlobKey is not null && !BrandingLogo.IsLogoKey(branding.LogoBlobKey))
            || (branding.LogoContentType is not null && !BrandingLogo.ContentTypes.Contains(branding.LogoContentType)))
        {
            yield return SettingsProblem.Of(nameof(LogoBlobKey), "must name a logo stored by the portal.");
        }
    }
}
