using Portal.Billing.Models;
using Portal.Billing.Services;

namespace Portal.Tests.Billing;

/// <summary>The pass-through fee: gross = (net + fixed) / (1 − rate), rounded down, capped, none in Quebec.</summary>
public sealed class FeeCalculatorTests
{
    private static readonly FeeSchedule Uncapped = FeeSchedule.Default with { CapPercent = null };

    public static TheoryData<string, long, decimal, long, decimal?, string?, long> Table => new()
    {
        // case, net (cents), rate %, fixed (cents), cap %, client's province, expected fee (cents)
        { "100.00 uncapped: 10350.15 rounds down", 10_000, 2.9m, 50, null, null, 350 },
        { "100.00 with the default 2.4% cap", 10_000, 2.9m, 50, 2.4m, null, 240 },
        { "0.01: 52.52 rounds down to 52", 1, 2.9m, 50, null, null, 51 },
        { "0.01 capped: 2.4% of a cent is nothing", 1, 2.9m, 50, 2.4m, null, 0 },
        { "1.00 uncapped: 154.48", 100, 2.9m, 50, null, null, 54 },
        { "exact division: 400 / 0.8 = 500", 400, 20m, 0, null, null, 100 },
        { "no rate, no fixed: no fee", 10_000, 0m, 0, null, null, 0 },
        { "fixed only: 50 / 1", 10_000, 0m, 50, null, null, 50 },
        { "cap equal to the fee leaves it", 10_000, 2.9m, 50, 3.5m, null, 350 },
        { "cap a cent below the fee takes the cent", 10_000, 2.9m, 50, 3.49m, null, 349 },
        { "Quebec: none", 10_000, 2.9m, 50, 2.4m, "QC", 0 },
        { "Quebec written in lower case: none", 10_000, 2.9m, 50, null, " qc ", 0 },
        { "Ontario: the fee", 10_000, 2.9m, 50, 2.4m, "ON", 240 },
        { "a large amount: 1,000,000.00 capped", 100_000_000, 2.9m, 50, 2.4m, null, 2_400_000 },
        { "a large amount uncapped", 100_000_000, 2.9m, 50, null, null, 2_986_663 },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void Fee_follows_the_table(string @case, long net, decimal rate, long fixedAmount, decimal? cap, string? province, long expected)
    {
        var schedule = new FeeSchedule(rate, fixedAmount, cap, ["QC"]);
        Assert.True(expected == FeeCalculator.Fee(net, schedule, province), @case);
        Assert.Equal(net + expected, FeeCalculator.Gross(net, schedule, province));
    }

    [Fact]
    public void The_fee_is_never_rounded_up_against_the_client_and_never_a_cent_short()
    {
        for (var net = 1L; net < 200_000; net += 37)
        {
            var fee = FeeCalculator.Fee(net, Uncapped, null);
            var exact = ((net + 50m) / (1m - 0.029m)) - net;
            Assert.True(fee <= exact, $"net {net}: fee {fee} is more than the formula's {exact}");
            Assert.True(fee > exact - 1, $"net {net}: fee {fee} is a cent or more below the formula's {exact}");
        }
    }

    [Fact]
    public void The_cap_holds_for_every_amount()
    {
        for (var net = 1L; net < 200_000; net += 41)
        {
            Assert.True(FeeCalculator.Fee(net, FeeSchedule.Default, null) <= net * 0.024m, $"net {net}");
        }
    }

    [Fact]
    public void Nothing_owed_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => FeeCalculator.Fee(0, FeeSchedule.Default, null));
        Assert.Throws<ArgumentOutOfRangeException>(() => FeeCalculator.Fee(-100, FeeSchedule.Default, null));
    }

    [Fact]
    public void The_defaults_are_the_seed_products_schedule()
    {
        var settings = new PaymentSettings();
        Assert.False(settings.PassFeeToClient);
        Assert.Equal((2.9m, 50L, (decimal?)2.4m), (settings.FeeSchedule.RatePercent, settings.FeeSchedule.FixedAmount, settings.FeeSchedule.CapPercent));
        Assert.Equal(["QC"], settings.FeeSchedule.NoFeeProvinces);
    }
}
