using System.Text;

namespace Portal.Core.Theming;

/// <summary>Renders a practice's branding as CSS custom properties (values are validated colors only).</summary>
public static class BrandingStylesheet
{
    public static string Render(BrandingSettings branding)
    {
        var css = new StringBuilder();
        css.Append(":root{");
        css.Append("--brand-primary:").Append(branding.Primary).Append(';');
        css.Append("--brand-primary-contrast:").Append(BrandColor.ContrastText(branding.Primary)).Append(';');
        css.Append("--brand-accent:").Append(branding.Accent).Append(';');
        css.Append("--brand-accent-contrast:").Append(BrandColor.ContrastText(branding.Accent)).Append(';');
        css.Append('}');
        return css.ToString();
    }

    /// <summary>Changes exactly when the stylesheet does: the URL's version, so browsers may keep a copy for good.</summary>
    public static string Fingerprint(BrandingSettings branding) => branding.Primary[1..] + branding.Accent[1..];
}
