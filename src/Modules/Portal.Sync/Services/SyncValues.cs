using System.Globalization;
using System.Text.RegularExpressions;
using Portal.Sync.Api;

namespace Portal.Sync.Services;

/// <summary>The wire's amounts ("1130.00", major units) and dates (yyyy-MM-dd), read strictly: a program sends them exactly.</summary>
public static partial class SyncValues
{
    /// <summary>Ten billion: as much as Billing's own forms accept.</summary>
    private const long MaxMinorUnits = 1_000_000_000_000;

    public static bool TryAmount(string? text, string field, out long minorUnits, out SyncFieldError? error)
    {
        minorUnits = 0;
        error = null;
        var trimmed = text?.Trim() ?? "";
        var match = Amount().Match(trimmed);
        if (!match.Success)
        {
            error = SyncItemErrors.AmountInvalid(field, text);
            return false;
        }

        if (match.Groups["sign"].Success)
        {
            error = SyncItemErrors.AmountNegative(field);
            return false;
        }

        if (match.Groups["cents"].Value.Length > 2)
        {
            error = SyncItemErrors.AmountTooPrecise(field);
            return false;
        }

        var whole = match.Groups["whole"].Value;
        var cents = match.Groups["cents"].Value.PadRight(2, '0');
        if (whole.Length > 11 || !long.TryParse(whole + cents, NumberStyles.None, CultureInfo.InvariantCulture, out minorUnits) || minorUnits > MaxMinorUnits)
        {
            error = SyncItemErrors.AmountInvalid(field, text);
            return false;
        }

        return true;
    }

    public static bool TryDate(string? text, string field, out DateOnly date, out SyncFieldError? error)
    {
        error = DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date)
            ? null
            : SyncItemErrors.DateInvalid(field, text);
        return error is null;
    }

    [GeneratedRegex(@"^(?<sign>-)?(?<whole>[0-9]+)(\.(?<cents>[0-9]+))?$", RegexOptions.CultureInvariant)]
    private static partial Regex Amount();
}
