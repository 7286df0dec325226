using System.Net;
using Portal.Core.Data;
using Portal.SecureMail.Models;
using Portal.SecureMail.Services;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.SecureMail;

/// <summary>The sent-items list: both kinds with their payment fields, filters, search, keyset paging and bad filter values.</summary>
public sealed class SentItemsListTests(SharedApps apps) : IClassFixture<SharedApps>
{
    private const string List = "/admin/secure-mail/sent";

    [Theory, BothDatabases]
    public async Task Lists_both_kinds_and_filters_by_kind_status_recipient_and_invoice_number(DatabaseProvider provider)
    {
        var scenario = await SentItemsScenario.CreateAsync(await apps.For(provider));
        var now = scenario.App.Clock.GetUtcNow().UtcDateTime;
        var email = await scenario.AddAsync(scenario.Admin.Id, m => m.RecipientEmail = "Jane.Doe@Example.com");
        var request = await scenario.AddAsync(scenario.Admin.Id, m => SentItemsScenario.AsPaymentRequest(m, "INV-2026-0042", 123_456));
        var locked = await scenario.AddAsync(scenario.Admin.Id, m => { m.OpenedAt = now; m.LockedAt = now; });
        var browser = await scenario.App.SignedInClientAsync(scenario.Practice, scenario.Admin);

        var all = await RowsAsync(browser, List);
        Assert.Equal([locked.Id, request.Id, email.Id], all.Keys);
        var requestRow = all[request.Id];
        Assert.Contains("Payment request", requestRow, StringComparison.Ordinal);
        Assert.Contains("INV-2026-0042", requestRow, StringComparison.Ordinal);
        Assert.Contains("1,234.56", requestRow, StringComparison.Ordinal);
        Assert.Contains("Secure e-mail", all[email.Id], StringComparison.Ordinal);

        Assert.Equal([request.Id], (await RowsAsync(browser, $"{List}?kind={SecureMessageKind.PaymentRequest}")).Keys);
        Assert.Equal([locked.Id, email.Id], (await RowsAsync(browser, $"{List}?kind={SecureMessageKind.SecureEmail}")).Keys);
        Assert.Equal([locked.Id], (await RowsAsync(browser, $"{List}?status={SecureMessageStatus.Locked}")).Keys);
        Assert.Empty((await RowsAsync(browser, $"{List}?status={SecureMessageStatus.Locked}&kind={SecureMessageKind.PaymentRequest}")).Keys);

        // Search: any part of the recipient or the invoice number, whatever the case.
        Assert.Equal([email.Id], (await RowsAsync(browser, $"{List}?q=jane.DOE")).Keys);
        Assert.Equal([request.Id], (await RowsAsync(browser, $"{List}?q=inv-2026-00")).Keys);
        Assert.Equal([request.Id], (await RowsAsync(browser, $"{List}?q=%20%200042%20")).Keys);
        var none = await browser.GetDocumentAsync($"{List}?q=nobody-at-all");
        Assert.Equal("No sent items match these filters.", none.QuerySelector("[data-testid=no-items]")?.TextContent);
    }

    [Theory, BothDatabases]
    public async Task Pages_by_keyset_newest_first_without_gaps_or_repeats(DatabaseProvider provider)
    {
        var scenario = await SentItemsScenario.CreateAsync(await apps.For(provider));
        var created = new List<Guid>();
        var at = scenario.App.Clock.GetUtcNow().UtcDateTime.AddDays(-1);
        for (var i = 0; i < SentItems.PageSize + 7; i++)
        {
            // Pairs share a creation time, so the id decides between them and the cursor must carry it.
            var createdAt = at.AddMinutes(i / 2);
            created.Add((await scenario.AddAsync(scenario.Admin.Id, m => { m.CreatedAt = createdAt; m.SentAt = createdAt; })).Id);
        }

        var browser = await scenario.App.SignedInClientAsync(scenario.Practice, scenario.Admin);
        var first = await browser.GetDocumentAsync(List);
        var firstIds = first.QuerySelectorAll("[data-testid=sent-items] tbody tr").Select(r => Guid.Parse(r.GetAttribute("data-id")!)).ToList();
        var older = first.QuerySelector("[data-testid=older]")?.GetAttribute("href") ?? throw new InvalidOperationException("no link to older items");
        var second = await browser.GetDocumentAsync(older);
        var secondIds = second.QuerySelectorAll("[data-testid=sent-items] tbody tr").Select(r => Guid.Parse(r.GetAttribute("data-id")!)).ToList();

        Assert.Equal(SentItems.PageSize, firstIds.Count);
        Assert.Null(second.QuerySelector("[data-testid=older]"));
        var newestFirst = await scenario.App.InPracticeAsync(scenario.Practice, async sp =>
        {
            var page1 = await Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<SentItems>(sp).PageAsync(new SentItemFilter(), null);
            return page1.Items.Select(i => i.Message.CreatedAt).ToList();
        });
        Assert.Equal(newestFirst.OrderByDescending(d => d), newestFirst);
        Assert.Equal(created.Order(), firstIds.Concat(secondIds).Order());
        Assert.Equal(firstIds.Count + secondIds.Count, firstIds.Concat(secondIds).Distinct().Count());
    }

    [Theory, BothDatabases]
    public async Task A_filter_or_cursor_made_up_by_hand_is_answered_with_a_message_not_a_500(DatabaseProvider provider)
    {
        var scenario = await SentItemsScenario.CreateAsync(await apps.For(provider));
        var only = await scenario.AddAsync(scenario.Admin.Id);
        var browser = await scenario.App.SignedInClientAsync(scenario.Practice, scenario.Admin);

        foreach (var (query, message) in new[] { ("status=Lost", "Choose a status from the list."), ("kind=Letter", "Choose a kind from the list."), ("q=" + new string('x', 321), "Search for at most 320 characters.") })
        {
            using var response = await browser.GetAsync($"admin/secure-mail/sent?{query}");
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var document = HtmlForms.Parse(await response.Content.ReadAsStringAsync());
            Assert.Equal(message, document.QuerySelector("[data-testid=filter-problem]")?.TextContent);
        }

        // A cursor that does not read starts at the beginning.
        Assert.Equal([only.Id], (await RowsAsync(browser, $"{List}?after=garbage_zz")).Keys);
        Assert.Equal([only.Id], (await RowsAsync(browser, $"{List}?after=99999999999999999999_{Guid.NewGuid():N}")).Keys);
    }

    /// <summary>The rows in the order shown: id and text.</summary>
    private static async Task<Rows> RowsAsync(HttpClient browser, string path)
    {
        var document = await browser.GetDocumentAsync(path);
        return new Rows(document.QuerySelectorAll("[data-testid=sent-items] tbody tr").Select(r => (Guid.Parse(r.GetAttribute("data-id")!), r.TextContent)).ToList());
    }

    private sealed record Rows(List<(Guid Id, string Text)> All)
    {
        public List<Guid> Keys => All.Select(r => r.Id).ToList();

        public string this[Guid id] => All.Single(r => r.Id == id).Text;
    }
}
