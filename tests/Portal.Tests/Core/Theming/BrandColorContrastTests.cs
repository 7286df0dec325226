using Portal.Admin.Pages.Admin.Customize;
using Portal.Core.Theming;

namespace Portal.Tests.Core.Theming;

/// <summary>WCAG 2.1 contrast as the Look tab and /branding.css use it: which text goes on a color, and when a choice falls below AA.</summary>
public sealed class BrandColorContrastTests
{
    [Theory]
    [InlineData("#000000", "#ffffff", 21.0)]
    [InlineData("#ffffff", "#ffffff", 1.0)]
    [InlineData("#777777", "#ffffff", 4.48)]
    [InlineData("#1f5f8b", "#ffffff", 6.84)]
    [InlineData("#e07a1f", "#111111", 6.27)]
    public void The_contrast_ratio_follows_wcag(string color, string text, double expected)
        => Assert.Equal(expected, BrandColor.ContrastRatio(color, text), precision: 2);

    [Theory]
    [InlineData("#1f5f8b", BrandColor.LightText)]
    [InlineData("#e07a1f", BrandColor.DarkText)]
    [InlineData("#ffff00", BrandColor.DarkText)]
    [InlineData("#000", BrandColor.LightText)]
    public void The_text_put_on_a_color_is_white_or_near_black_whichever_reads_better(string color, string text)
        => Assert.Equal(text, BrandColor.ContrastText(color));

    [Fact]
    public void A_mid_grey_is_below_aa_with_either_text()
    {
        Assert.True(BrandColor.ContrastWithText("#777777") < BrandColor.MinimumContrast);
        Assert.True(BrandColor.ContrastWithText("#1f5f8b") >= BrandColor.MinimumContrast);
    }

    [Fact]
    public void Every_predefined_swatch_passes_aa_with_its_text()
    {
        var failing = BrandSwatches.Brand.Concat(BrandSwatches.Accent)
            .Where(s => BrandColor.ContrastWithText(s.Color) < BrandColor.MinimumContrast)
            .Select(s => $"{s.Name} {s.Color}: {BrandColor.ContrastWithText(s.Color):0.00}")
            .ToList();
        Assert.True(failing.Count == 0, string.Join(", ", failing));
    }

    [Fact]
    public void Every_predefined_swatch_has_its_chip_color_in_the_stylesheet()
    {
        var css = File.ReadAllText(Path.Combine(Infrastructure.SourceTree.Root, "src", "Modules", "Portal.Admin", "wwwroot", "customize.css"));
        var missing = BrandSwatches.Brand.Concat(BrandSwatches.Accent).Where(s => !css.Contains($".swatch-chip[data-chip=\"{s.Color}\"]", StringComparison.Ordinal)).ToList();
        Assert.Empty(missing);
    }
}
