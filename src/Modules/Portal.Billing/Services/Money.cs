using System.Globalization;

namespace Portal.Billing.Services;

/// <summary>Amounts as people type and read them ("1,234.50"), and as Billing keeps them: whole minor units (cents).</summary>
public static class Money
{
    /// <summary>Reads an amount of dollars and cents; the error says what is wrong, in words for the person who typed it.</summary>
    public static bool TryParse(string? text, out long minorUnits, out string? error)
    {
        minorUnits = 0;
        var cleaned = (text ?? "").Trim().Replace(",", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal).TrimStart('$');
        if (cleaned.Length == 0)
        {
            error = "Enter an amount.";
            return false;
        }

        if (!decimal.TryParse(cleaned, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            error = $"'{text}' is not an amount: write it like 125.50.";
            return false;
        }

        if (decimal.Round(value, 2) != value)
        {
            error = "An amount has at most two decimals (cents).";
            return false;
        }

        if (value > 10_000_000_000m || value < -10_000_000_000m)
        {
            error = "That amount is too large.";
            return false;
        }

        minorUnits = (long)(value * 100m);
        error = null;
        return true;
    }

    public static string Format(long minorUnits, string currency)
        => $"{(minorUnits / 100m).ToString("#,##0.00", CultureInfo.InvariantCulture)} {currency}";

    /// <summary>The amount as a form shows it for editing ("1234.50").</summary>
    public static string ToInput(long minorUnits) => (minorUnits / 100m).ToString("0.00", CultureInfo.InvariantCulture);
}
