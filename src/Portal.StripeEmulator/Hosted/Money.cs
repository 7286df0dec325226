using System.Globalization;

namespace Portal.StripeEmulator.Hosted;

/// <summary>Minor units shown as the payer reads them (10050 cad → "100.50 CAD").</summary>
internal static class Money
{
    public static string Format(long minorUnits, string currency)
        => $"{(minorUnits / 100m).ToString("N2", CultureInfo.InvariantCulture)} {currency.ToUpperInvariant()}";
}
