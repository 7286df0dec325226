using System.Globalization;

namespace Portal.Reports.Models;

/// <summary>
/// Money in cents (CAD and USD, the currencies Billing accepts, both have two decimals), written with
/// the invariant culture whatever the server's: a French-Canadian server must not write 96,80.
/// </summary>
public static class MinorUnits
{
    /// <summary>The amount with exactly two decimals (scale 2), so JSON and spreadsheets show 100.00, not 100.</summary>
    public static decimal ToDecimal(long amount) => (amount / 100m) + 0.00m;

    /// <summary>"-1234.50": a minus sign for a negative amount, a dot, two decimals, no thousands separator.</summary>
    public static string Format(long amount) => ToDecimal(amount).ToString("0.00", CultureInfo.InvariantCulture);
}
