using Portal.Billing.Models;

namespace Portal.Tests.Billing;

/// <summary>The payments section's validator: what a recipe and the settings page both refuse.</summary>
public sealed class PaymentSettingsTests
{
    [Fact]
    public void The_defaults_are_valid_and_accept_only_cad()
    {
        var defaults = new PaymentSettings();
        Assert.Empty(PaymentSettings.Validate(defaults));
        Assert.Equal("CAD", defaults.DefaultCurrency);
        Assert.False(defaults.Accepts("USD"));
        Assert.False(defaults.PaymentsEnabled || defaults.AllowPartialPayments || defaults.PassFeeToClient);
    }

    [Theory]
    [InlineData("currencies", "EUR")]
    [InlineData("currencies", "")]
    [InlineData("currencies", "CAD,CAD")]
    [InlineData("feeRatePercent", "25")]
    [InlineData("feeRatePercent", "2.90001")]
    [InlineData("feeCapPercent", "-1")]
    [InlineData("feeFixedAmount", "-1")]
    [InlineData("minimumPartialPayment", "0")]
    [InlineData("noFeeProvinces", "QC,XX")]
    public void A_bad_value_is_refused_at_its_field(string field, string value)
    {
        var settings = field switch
        {
            "currencies" => new PaymentSettings { Currencies = value },
            "feeRatePercent" => new PaymentSettings { FeeRatePercent = decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture) },
            "feeCapPercent" => new PaymentSettings { FeeCapPercent = decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture) },
            "feeFixedAmount" => new PaymentSettings { FeeFixedAmount = long.Parse(value, System.Globalization.CultureInfo.InvariantCulture) },
            "minimumPartialPayment" => new PaymentSettings { MinimumPartialPayment = long.Parse(value, System.Globalization.CultureInfo.InvariantCulture) },
            _ => new PaymentSettings { NoFeeProvinces = value },
        };
        Assert.Equal([field], PaymentSettings.Validate(settings).Select(p => p.Field));
    }

    [Fact]
    public void Usd_can_be_allowed_and_made_the_default()
    {
        var settings = new PaymentSettings { Currencies = "USD,CAD", FeeCapPercent = null };
        Assert.Empty(PaymentSettings.Validate(settings));
        Assert.Equal("USD", settings.DefaultCurrency);
        Assert.True(settings.Accepts("CAD"));
    }
}
