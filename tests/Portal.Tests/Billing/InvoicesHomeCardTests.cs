using System.Globalization;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.Extensions.DependencyInjection;
using Portal.Billing.Models;
using Portal.Billing.Services;
using Portal.Core.Contracts;
using Portal.Core.Data;
using Portal.Core.Modules;
using Portal.Core.Settings;
using Portal.Core.Theming;
using Portal.Core.Time;
using Portal.Tests.Documents;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Billing;

/// <summary>
/// The client home's Invoices card: the invoices left to pay (amount due, due or overdue, overdue ones
/// standing out), each leading to its page; only the client's own, only for full access; none while the
/// practice hides invoices from clients or Billing is off. The home page keeps copies (its output cache): a
/// new invoice shows on the next request all the same.
/// </summary>
public sealed class InvoicesHomeCardTests(SharedApps apps) : IClassFixture<SharedApps>
{
    [Theory, BothDatabases]
    public async Task The_card_lists_the_invoices_left_to_pay_soonest_due_first_with_the_overdue_marked(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var scenario = await BillingScenario.CreateAsync(app);
        var today = await scenario.InPracticeAsync(sp => sp.GetRequiredService<IPracticeClock>().TodayAsync());
        var client = await app.SignedInClientAsync(scenario.Practice, scenario.ClientUser);

        // Nothing yet: the card says so (and this copy of the page is kept).
        var before = Card(await client.GetDocumentAsync(""), "Invoices");
        Assert.Contains("Nothing to pay.", before.TextContent, StringComparison.Ordinal);
        Assert.Empty(before.QuerySelectorAll("[data-testid=home-line]"));

        var later = await scenario.InvoiceAsync("LATER-1", 25_000, due: today.AddDays(10));
        var overdue = await scenario.InvoiceAsync("OVERDUE-1", 10_000, due: today.AddDays(-3));
        var paid = await scenario.InvoiceAsync("PAID-1", 5_000, due: today.AddDays(-20));
        var voided = await scenario.InvoiceAsync("VOID-1", 7_000, due: today.AddDays(-1));
        await scenario.InvoiceAsync("THEIRS-1", 9_000, clientId: scenario.OtherClientId, due: today.AddDays(5));
        await scenario.InPracticeAsync(sp => sp.GetRequiredService<InvoiceBook>().VoidAsync(voided.Id, "Sent twice"));
        var payment = await scenario.InPracticeAsync(sp => sp.GetRequiredService<PaymentLedger>().RecordOfflineAsync(
            new OfflinePaymentDraft(scenario.ClientId, PaymentMethod.ETransfer, today, "REF-1", 9_000, null, [new(paid.Id, 5_000), new(later.Id, 4_000)])));
        Assert.True(payment.Succeeded, string.Join(" ", payment.Errors.Select(e => e.Message)));

        var card = Card(await client.GetDocumentAsync(""), "Invoices");
        Assert.Contains("2 invoices to pay: 310.00 CAD, 1 overdue.", card.TextContent, StringComparison.Ordinal);
        var lines = card.QuerySelectorAll("[data-testid=home-line]").ToList();
        Assert.Equal(["Invoice OVERDUE-1", "Invoice LATER-1"], lines.Select(l => l.QuerySelector("a")!.TextContent.Trim()));
        Assert.EndsWith($"/billing/invoices/{overdue.Id}", lines[0].QuerySelector("a")!.GetAttribute("href"), StringComparison.Ordinal);
        Assert.EndsWith($"/billing/invoices/{later.Id}", lines[1].QuerySelector("a")!.GetAttribute("href"), StringComparison.Ordinal);
        Assert.True(lines[0].ClassList.Contains("needs-attention"), "The overdue invoice does not stand out.");
        Assert.Equal($"100.00 CAD overdue since {Date(today.AddDays(-3), today)}", lines[0].QuerySelector("span")!.TextContent.Trim());
        Assert.False(lines[1].ClassList.Contains("needs-attention"), "An invoice not yet due stands out.");
        Assert.Equal($"210.00 CAD due {Date(today.AddDays(10), today)}", lines[1].QuerySelector("span")!.TextContent.Trim());
        Assert.DoesNotMatch("[0-9a-f]{8}-[0-9a-f]{4}-", card.TextContent);

        // The other client's user sees their own invoice only; a contributor sees no invoices at all.
        var other = await app.SignedInClientAsync(scenario.Practice, scenario.OtherClientUser);
        Assert.Equal(["Invoice THEIRS-1"], Card(await other.GetDocumentAsync(""), "Invoices").QuerySelectorAll("[data-testid=home-line] a").Select(a => a.TextContent.Trim()));
        var contributor = await app.AddClientAsync(scenario.Practice);
        await scenario.InPracticeAsync(async sp =>
        {
            await ClientsFixtures.AddToPortalOfAsync(sp, scenario.ClientId, contributor.Id, ClientAccessLevel.Contributor);
            return 0;
        });
        Assert.DoesNotContain("Invoices", CardTitles(await (await app.SignedInClientAsync(scenario.Practice, contributor)).GetDocumentAsync("")));
    }

    [Theory, BothDatabases]
    public async Task No_card_while_the_practice_hides_invoices_from_clients_or_billing_is_off(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var scenario = await BillingScenario.CreateAsync(app);
        var today = await scenario.InPracticeAsync(sp => sp.GetRequiredService<IPracticeClock>().TodayAsync());
        await scenario.InvoiceAsync("OVERDUE-1", 10_000, due: today.AddDays(-3));
        var client = await app.SignedInClientAsync(scenario.Practice, scenario.ClientUser);
        Assert.Contains("Invoices", CardTitles(await client.GetDocumentAsync("")));

        await SwitchAsync(scenario, billing: false);
        Assert.DoesNotContain("Invoices", CardTitles(await client.GetDocumentAsync("")));
        await SwitchAsync(scenario, billing: true);
        Assert.Contains("Invoices", CardTitles(await client.GetDocumentAsync("")));

        var change = await scenario.InPracticeAsync(sp => sp.GetRequiredService<TenantFeatures>().DisableAsync(Portal.Billing.Manifest.Feature, default));
        Assert.True(change.Succeeded, change.Error);
        Assert.DoesNotContain("Invoices", CardTitles(await client.GetDocumentAsync("")));
    }

    private static async Task SwitchAsync(BillingScenario scenario, bool billing)
        => await scenario.InPracticeAsync(async sp =>
        {
            var store = sp.GetRequiredService<SiteSettingsStore>();
            await store.SaveAsync(await store.GetAsync<ClientSiteSwitches>() with { ClientBilling = billing });
            return 0;
        });

    private static string Date(DateOnly date, DateOnly today)
        => date.ToString(date.Year == today.Year ? "d MMM" : "d MMM yyyy", CultureInfo.InvariantCulture);

    private static List<string> CardTitles(IHtmlDocument home) => home.QuerySelectorAll(".card-grid .card h2").Select(h => h.TextContent.Trim()).ToList();

    private static IElement Card(IHtmlDocument home, string title)
    {
        var card = home.QuerySelectorAll(".card-grid .card").SingleOrDefault(c => c.QuerySelector("h2")?.TextContent.Trim() == title);
        Assert.True(card is not null, $"No '{title}' card on the home page; cards: {string.Join(", ", CardTitles(home))}.");
        return card;
    }
}
