namespace Portal.Core.Theming;

/// <summary>Configuration section <c>Portal:Branding</c>: what a practice's logo may be (docs/operations.md).</summary>
public sealed class BrandingOptions
{
    public const string Section = "Portal:Branding";

    /// <summary>The largest logo file accepted, in kilobytes (1 KB = 1024 bytes).</summary>
    public int MaxLogoKilobytes { get; set; } = 800;

    /// <summary>The widest logo accepted, in pixels, read from the image's own header.</summary>
    public int MaxLogoWidth { get; set; } = 1000;

    /// <summary>The tallest logo accepted, in pixels: with the width, it bounds what a browser or mail client must decode.</summary>
    public int MaxLogoHeight { get; set; } = 1000;

    public long MaxLogoBytes => MaxLogoKilobytes * 1024L;
}
