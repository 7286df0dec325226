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

    /// <summary>Black or white, whichever contrasts more with the color.</summary>
    public static string ContrastText(string color)
    {
        var luminance = Luminance(Normalize(color, "#000000"));
        var withWhite = 1.05 / (luminance + 0.05);
        var withBlack = (luminance + 0.05) / 0.05;
        return withWhite >= withBlack ? "#ffffff" : "#111111";
    }

    private static double Luminance(string hex)
    {
        static double Channel(string part)
        {
            var c = int.Parse(part, NumberStyles.HexNumber, CultureInfo.InvariantCulture) / 255.0;
            return c <= 0.03928 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        }

        return (0.2126 * Channel(hex[1..3])) + (0.7152 * Channel(hex[3..5])) + (0.0722 * Channel(hex[5..7]));
    }
}
