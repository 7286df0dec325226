using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Billing.Services;
using Portal.Clients.Data;
using Portal.Core.Data;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Billing;

/// <summary>The fee the Pay flow asks for: the practice's pass-through setting, its schedule, and the invoice's client's province (none in Quebec).</summary>
public sealed class ClientFeeRuleTests(SharedApps apps) : IClassFixture<SharedApps>
{
    [Theory, BothDatabases]
    public async Task A_client_in_quebec_pays_no_fee_and_one_elsewhere_pays_the_capped_fee(DatabaseProvider provider)
    {
        var scenario = await BillingScenario.CreateAsync(await apps.For(provider));
        await scenario.SettingsAsync(p => p with { PassFeeToClient = true });
        var quebec = await scenario.InvoiceAsync("INV-FEE-QC", 10_000);
        var ontario = await scenario.InvoiceAsync("INV-FEE-ON", 10_000, scenario.OtherClientId);
        await ProvinceAsync(scenario, scenario.ClientId, "QC");
        await ProvinceAsync(scenario, scenario.OtherClientId, "ON");

        var inQuebec = await scenario.InPracticeAsync(sp => sp.GetRequiredService<ClientFeeRule>().ForInvoiceAsync(quebec));
        var inOntario = await scenario.InPracticeAsync(sp => sp.GetRequiredService<ClientFeeRule>().ForInvoiceAsync(ontario));
        var partOfIt = await scenario.InPracticeAsync(sp => sp.GetRequiredService<ClientFeeRule>().ForInvoiceAsync(ontario, 5_000));

        Assert.Equal(new ClientFee(0, true, true, "QC"), inQuebec);

        // (100.00 + 0.50) / (1 - 2.9%) = 103.50: a fee of 3.50, held to the 2.4% cap.
        Assert.Equal(new ClientFee(240, true, false, "ON"), inOntario);
        Assert.Equal(120, partOfIt.Amount);
    }

    [Theory, BothDatabases]
    public async Task Without_pass_through_or_a_province_the_practice_s_setting_decides(DatabaseProvider provider)
    {
        var scenario = await BillingScenario.CreateAsync(await apps.For(provider));
        var invoice = await scenario.InvoiceAsync("INV-FEE-1", 10_000);

        var off = await scenario.InPracticeAsync(sp => sp.GetRequiredService<ClientFeeRule>().ForInvoiceAsync(invoice));
        await scenario.SettingsAsync(p => p with { PassFeeToClient = true, FeeCapPercent = null });
        var noProvince = await scenario.InPracticeAsync(sp => sp.GetRequiredService<ClientFeeRule>().ForInvoiceAsync(invoice));

        Assert.Equal(new ClientFee(0, false, false, null), off);
        Assert.Equal(new ClientFee(350, true, false, null), noProvince);
    }

    private static Task<int> ProvinceAsync(BillingScenario scenario, Guid clientId, string province)
        => scenario.InPracticeAsync(sp => sp.GetRequiredService<ClientsDbContext>().Clients.Where(c => c.Id == clientId).ExecuteUpdateAsync(s => s.SetProperty(c => c.Province, province)));
}
