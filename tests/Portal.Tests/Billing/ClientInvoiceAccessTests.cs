using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Portal.Billing.Models;
using Portal.Billing.Services;
using Portal.Core.Contracts;
using Portal.Core.Data;
using Portal.Tests.Documents;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Billing;

/// <summary>A client sees their own invoices and payments; anyone else's invoice is "not found".</summary>
public sealed class ClientInvoiceAccessTests(SharedApps apps) : IClassFixture<SharedApps>
{
    [Theory, BothDatabases]
    public async Task A_client_sees_only_their_own_invoices(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var scenario = await BillingScenario.CreateAsync(app);
        var own = await scenario.InvoiceAsync("OWN-1", 12_345);
        var voided = await scenario.InvoiceAsync("OWN-VOID");
        await scenario.InPracticeAsync(sp => sp.GetRequiredService<InvoiceBook>().VoidAsync(voided.Id, "Mistake"));
        var theirs = await scenario.InvoiceAsync("THEIRS-1", clientId: scenario.OtherClientId);
        await scenario.InPracticeAsync(sp => sp.GetRequiredService<PaymentLedger>().RecordOfflineAsync(
            new OfflinePaymentDraft(scenario.ClientId, PaymentMethod.ETransfer, new DateOnly(2026, 11, 3), "REF-777", 2_345, null, null)));
        var elsewhere = await BillingScenario.CreateAsync(app);
        var foreign = await elsewhere.InvoiceAsync("FOREIGN-1");
        var contributor = await app.AddClientAsync(scenario.Practice);
        await scenario.InPracticeAsync(async sp =>
        {
            await ClientsFixtures.AddToPortalOfAsync(sp, scenario.ClientId, contributor.Id, ClientAccessLevel.Contributor);
            return 0;
        });

        var client = await app.SignedInClientAsync(scenario.Practice, scenario.ClientUser);
        var list = await client.GetStringAsync("billing");
        Assert.Contains("OWN-1", list, StringComparison.Ordinal);
        Assert.Contains("REF-777", list, StringComparison.Ordinal);
        Assert.DoesNotContain("THEIRS-1", list, StringComparison.Ordinal);
        Assert.DoesNotContain("OWN-VOID", list, StringComparison.Ordinal);
        Assert.DoesNotContain("Pay", HtmlForms.Parse(list).QuerySelector("main")!.QuerySelectorAll("button, a").Select(e => e.TextContent.Trim()));

        var detail = await client.GetAsync($"billing/invoices/{own.Id}");
        Assert.Equal(HttpStatusCode.OK, detail.StatusCode);
        var text = await detail.Content.ReadAsStringAsync();
        Assert.Contains("Bookkeeping", text, StringComparison.Ordinal);
        Assert.Contains("100.00 CAD", HtmlForms.Parse(text).QuerySelector("[data-testid=invoice-balance]")!.TextContent, StringComparison.Ordinal);

        foreach (var id in new[] { theirs.Id, foreign.Id, voided.Id, Guid.NewGuid() })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"billing/invoices/{id}")).StatusCode);
        }

        var asContributor = await app.SignedInClientAsync(scenario.Practice, contributor);
        Assert.Equal(HttpStatusCode.NotFound, (await asContributor.GetAsync($"billing/invoices/{own.Id}")).StatusCode);
        Assert.DoesNotContain("OWN-1", await asContributor.GetStringAsync("billing"), StringComparison.Ordinal);
    }
}
