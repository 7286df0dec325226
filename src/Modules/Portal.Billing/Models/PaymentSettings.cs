using Portal.Core.Settings;

namespace Portal.Billing.Models;

/// <summary>
/// A practice's payment settings (section "payments"). Amounts are minor units (cents); rates are
/// percent. Defaults are the values below and nowhere else.
/// </summary>
public sealed record PaymentSettings : ISettingsSection
{
    public static string SectionName => "payments";

    public static readonly IReadOnlyList<string> SupportedCurrencies = ["CAD", "USD"];

    /// <summary>Whether clients are offered online payment (the Stripe part reads it).</summary>
    public bool PaymentsEnabled { get; init; }

    /// <summary>Currencies invoices and payments may use, comma-separated; the first is the default.</summary>
    public string Currencies { get; init; } = "CAD";

    public bool AllowPartialPayments { get; init; }

    /// <summary>The smallest partial payment a client may make (minor units); the balance itself is always accepted.</summary>
    public long MinimumPartialPayment { get; init; } = 2500;

    /// <summary>Pass the transaction fee to the client ("include transaction fee").</summary>
    public bool PassFeeToClient { get; init; }

    public decimal FeeRatePercent { get; init; } = 2.9m;

    public long FeeFixedAmount { get; init; } = 50;

    /// <summary>The most a passed-through fee may be, as percent of the amount owed (Canadian surcharge rules); null for none.</summary>
    public decimal? FeeCapPercent { get; init; } = 2.4m;

    /// <summary>Provinces (two-letter codes, comma-separated) whose clients are never charged the fee.</summary>
    public string NoFeeProvinces { get; init; } = "QC";

    public IReadOnlyList<string> CurrencyList => Currencies.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public string DefaultCurrency => CurrencyList is [var first, ..] ? first : "CAD";

    public bool Accepts(string currency) => CurrencyList.Contains(currency, StringComparer.Ordinal);

    public FeeSchedule FeeSchedule => new(FeeRatePercent, FeeFixedAmount, FeeCapPercent, NoFeeProvinces.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    public static IEnumerable<SettingsProblem> Validate(PaymentSettings p)
    {
        var currencies = p.CurrencyList;
        if (currencies.Count == 0)
        {
            yield return SettingsProblem.Of(nameof(Currencies), "must name at least one currency (CAD or USD).");
        }
        else if (currencies.FirstOrDefault(c => !SupportedCurrencies.Contains(c)) is { } unknown)
        {
            yield return SettingsProblem.Of(nameof(Currencies), $"'{unknown}' is not a supported currency: use CAD and/or USD.");
        }
        else if (currencies.Distinct().Count() != currencies.Count)
        {
            yield return SettingsProblem.Of(nameof(Currencies), "names a currency twice.");
        }

        if (p.MinimumPartialPayment < 1)
        {
            yield return SettingsProblem.Of(nameof(MinimumPartialPayment), "must be at least one cent.");
        }

        if (p.FeeRatePercent is < 0 or >= 20)
        {
            yield return SettingsProblem.Of(nameof(FeeRatePercent), "must be from 0 to less than 20 percent.");
        }

        if (decimal.Round(p.FeeRatePercent, 4) != p.FeeRatePercent)
        {
            yield return SettingsProblem.Of(nameof(FeeRatePercent), "may have at most four decimals.");
        }

        if (p.FeeFixedAmount is < 0 or > 10_000)
        {
            yield return SettingsProblem.Of(nameof(FeeFixedAmount), "must be from 0 to 100.00.");
        }

        if (p.FeeCapPercent is < 0 or >= 20)
        {
            yield return SettingsProblem.Of(nameof(FeeCapPercent), "must be from 0 to less than 20 percent, or empty for no cap.");
        }

        if (p.NoFeeProvinces.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault(c => !Provinces.IsCode(c)) is { } province)
        {
            yield return SettingsProblem.Of(nameof(NoFeeProvinces), $"'{province}' is not a Canadian province or territory code (such as QC).");
        }
    }
}
