using Portal.StripeEmulator.Wire;

namespace Portal.StripeEmulator.Api;

/// <summary>The currencies the emulator accepts, with Stripe's minimum charge in each (minor units).</summary>
internal static class Currencies
{
    private static readonly Dictionary<string, long> Minimums = new(StringComparer.Ordinal)
    {
        ["cad"] = 50,
        ["usd"] = 50,
        ["eur"] = 50,
        ["gbp"] = 30,
        ["aud"] = 50,
    };

    public static string Read(string value, string param)
        => Minimums.ContainsKey(value) ? value : throw StripeApiException.InvalidRequest($"Invalid currency: {value}. Stripe currently supports these currencies: {string.Join(", ", Minimums.Keys)} (in this emulator).", param, "invalid_currency");

    public static long Minimum(string currency) => Minimums[currency];
}
