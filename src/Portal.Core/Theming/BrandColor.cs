using System.Globalization;
using System.Text.RegularExpressions;

namespace Portal.Core.Theming;

/// <summary>
/// Validates brand colors (only #rgb / #rrggbb reach CSS, so settings cannot inject styles) and
/// picks a readable text color for them (WCAG relative luminance).
/// </summary>
public static partial class BrandColor
{
    [GeneratedRegex("^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$", RegexOptions.CultureInvariant)]
    private static partial Regex HexShape();

    /// <summary>What a brand color must look like, for messages at a field.</summary>
    public const string Expected = "must be a color written #rrggbb (or #rgb), such as #336699.";

    public static bool IsValid(string? value) => value is not null && HexShape().IsMatch(value);

    public static string Normalize(string value, string fallback)
    {
        if (!IsValid(value))
        {
            return fallback;
        }

        var hex = value[1..];
        if (hex.Length == 3)
        {
            hex = string.Concat(hex.Select(c => new string(c, 2)));
        }

        return "#" + hex.ToLowerInvariant();
    }

    /// <summary>The light text color put on a brand color when it reads better than <see cref="DarkText"/>.</summary>
    public const string LightText = "#ffffff";

    /// <summary>The near-black text color put on a light brand color.</summary>
    public const string DarkText = "#111111";

    /// <summary>WCAG 2.1 AA's least contrast for normal text.</summary>
    public const double MinimumContrast = 4.5;

    /// <summary>White or near-black, whichever contrasts more with the color (so it passes AA whenever either can).</summary>
    public static string ContrastText(string color)
    {
        var normalized = Normalize(color, "#000000");
        return ContrastRatio(normalized, LightText) >= ContrastRatio(normalized, DarkText) ? LightText : DarkText;
    }

    /// <summary>WCAG 2.1's contrast ratio of two colors, from 1 (the same) to 21 (black on white).</summary>
    public static double ContrastRatio(string first, string second)
    {
        var a = Luminance(Normalize(first, "#000000"));
        var b = Luminance(Normalize(second, "#000000"));
        return (Math.Max(a, b) + 0.05) / (Math.Min(a, b) + 0.05);
    }

    /// <summary>The contrast of the color with the text <see cref="ContrastText"/> puts on it.</summary>
    public static double ContrastWithText(string color) => ContrastRatio(color, ContrastText(color));

    private static double Luminance(string hex)
    {
        static double Channel(string part)
        {
            var c = int.Parse(part, NumberStyles.HexNumber, CultureInfo.InvariantCulture) / 255.0;
            return c <= 0.04045 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        }

        return (0.2126 * Channel(hex[1..3])) + (0.7152 * Channel(hex[3..5])) + (0.0722 * Channel(hex[5..7]));
    }
}
