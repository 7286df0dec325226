using System.Globalization;
using System.Text.RegularExpressions;

namespace PortalSync.Planning;

/// <summary>The checks made before sending, with the portal's error codes (docs/api.md), so bad rows are named before they travel.</summary>
internal static partial class ItemRules
{
    public const int ExternalIdMaxLength = 100;

    /// <summary>Major units, at most 2 decimals, not negative ("1130", "1130.5", "1130.00"); normalised to 2 decimals.</summary>
    public static string? Amount(string? text)
    {
        if (text is null || !AmountPattern().IsMatch(text))
        {
            return null;
        }

        return decimal.Parse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture).ToString("0.00", CultureInfo.InvariantCulture);
    }

    public static bool IsDate(string? text) => DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    public static bool IsEmail(string? text) => text is not null && EmailPattern().IsMatch(text);

    [GeneratedRegex(@"^\d{1,13}(\.\d{1,2})?$", RegexOptions.CultureInvariant)]
    private static partial Regex AmountPattern();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$", RegexOptions.CultureInvariant)]
    private static partial Regex EmailPattern();
}
