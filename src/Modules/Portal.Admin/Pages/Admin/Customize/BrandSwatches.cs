namespace Portal.Admin.Pages.Admin.Customize;

/// <summary>A named color offered as a one-click choice on the Look tab.</summary>
public sealed record BrandSwatch(string Name, string Color);

/// <summary>
/// The predefined choices: brand colors dark enough for white text and accents light enough for
/// near-black text, so each passes WCAG AA with the text the site puts on it (BrandSwatchTests).
/// </summary>
public static class BrandSwatches
{
    public static readonly IReadOnlyList<BrandSwatch> Brand =
    [
        new("Harbour blue", "#1f5f8b"),
        new("Pine", "#1d6b5f"),
        new("Navy", "#1b2f52"),
        new("Plum", "#6b2d5c"),
        new("Brick", "#9b3412"),
        new("Slate", "#36454f"),
        new("Teal", "#00606e"),
        new("Burgundy", "#7a1f2b"),
    ];

    public static readonly IReadOnlyList<BrandSwatch> Accent =
    [
        new("Amber", "#e07a1f"),
        new("Saffron", "#f2b134"),
        new("Sage", "#9cc5a1"),
        new("Sky", "#8ecae6"),
        new("Coral", "#f4845f"),
        new("Sand", "#e9c46a"),
        new("Mint", "#80ed99"),
        new("Lilac", "#c8b6ff"),
    ];
}
