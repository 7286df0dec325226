using System.Text;

namespace Portal.Core.Theming;

/// <summary>Renders a practice's branding as CSS custom properties (values are validated colors only).</summary>
public static class BrandingStylesheet
{
    public const string DefaultPrimary = "#1f5f8b";
    public const string DefaultAccent = "#e07a1f";

    public static string Render(BrandingSettings branding)
    {
        var primary = BrandColor.Normalize(branding.PrimaryColor, DefaultPrimary);
        var accent = BrandColor.Normalize(branding.AccentColor, DefaultAccent);
        var css = new StringBuilder();
        css.Append(":root{");
        css.Append("--brand-primary:").Append(primary).Append(';');
        css.Append("--brand-primary-contrast:").Append(BrandColor.ContrastText(primary)).Append(';');
        css.Append("--brand-accent:").Append(accent).Append(';');
        css.Append("--brand-accent-contrast:").Append(BrandColor.ContrastText(accent)).Append(';');
        css.Append('}');
        return css.ToString();
    }
}
