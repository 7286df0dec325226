using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Billing.Data;
using Portal.Billing.Models;
using Portal.Billing.Services;
using Portal.Core.Data;
using Portal.Core.Events;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Billing;

public sealed class InvoiceTests(SharedApps apps) : IClassFixture<SharedApps>
{
    [Theory, BothDatabases]
    public async Task An_invoice_adds_its_lines_and_tax_lines_and_announces_itself(DatabaseProvider provider)
    {
        var scenario = await BillingScenario.CreateAsync(await apps.For(provider));
        var draft = new InvoiceDraft(scenario.ClientId, "INV-100", new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30), null,
            [new InvoiceLineDraft("Year-end", 2, 15_000), new InvoiceLineDraft("Payroll", 1.5m, 5_033)],
            [new InvoiceTaxDraft(TaxKind.Gst, 5m, null), new InvoiceTaxDraft(TaxKind.Pst, null, 1_234)]);
        var saved = await scenario.InPracticeAsync(sp => sp.GetRequiredService<InvoiceBook>().SaveAsync(draft));

        Assert.True(saved.Succeeded, string.Join(" ", saved.Errors.Select(e => e.Message)));
        var invoice = saved.Value!;
        Assert.Equal(30_000 + 7_550, invoice.SubtotalAmount); // 1.5 × 50.33 = 75.495, rounded half away from zero
        Assert.Equal(1_878 + 1_234, invoice.TaxAmount);        // 5% of 375.50 = 18.775 -> 18.78
        Assert.Equal(37_550 + 3_112, invoice.TotalAmount);
        Assert.Equal(("CAD", InvoiceStatus.Open), (invoice.Currency, invoice.Status));
        var (lines, taxes) = await scenario.InPracticeAsync(sp => sp.GetRequiredService<InvoiceBook>().DetailsAsync(invoice.Id));
        Assert.Equal(["Year-end", "Payroll"], lines.Select(l => l.Description));
        Assert.Equal([TaxKind.Gst, TaxKind.Pst], taxes.Select(t => t.Kind));
        var published = await scenario.InPracticeAsync(sp => sp.GetRequiredService<CoreTenantDbContext>().Set<DomainEventRecord>()
            .Where(e => e.Type == InvoiceCreated.EventType).CountAsync());
        Assert.Equal(1, published);
        var audited = await scenario.InPracticeAsync(sp => sp.GetRequiredService<Portal.Audit.Data.AuditDbContext>().Events
            .Where(e => e.Action == BillingAuditActions.InvoiceCreated && e.TargetId == invoice.Id.ToString()).CountAsync());
        Assert.Equal(1, audited);
    }

    [Theory, BothDatabases]
    public async Task Bad_invoices_are_refused_at_their_fields_and_nothing_is_written(DatabaseProvider provider)
    {
        var scenario = await BillingScenario.CreateAsync(await apps.For(provider));
        await scenario.InvoiceAsync("INV-1");
        async Task<string[]> FieldsOf(InvoiceDraft draft)
            => [.. (await scenario.InPracticeAsync(sp => sp.GetRequiredService<InvoiceBook>().SaveAsync(draft))).Errors.Select(e => e.Field ?? "")];

        var good = BillingScenario.Draft(scenario.ClientId, "INV-2");
        Assert.Equal(["Number"], await FieldsOf(good with { Number = "  " }));
        Assert.Equal(["Number"], await FieldsOf(good with { Number = "inv-1" }));
        Assert.Equal(["DueDate"], await FieldsOf(good with { DueDate = good.IssueDate.AddDays(-1) }));
        Assert.Equal(["Currency"], await FieldsOf(good with { Currency = "USD" }));
        Assert.Equal(["Currency"], await FieldsOf(good with { Currency = "EUR" }));
        Assert.Equal(["Lines[0].UnitAmount"], await FieldsOf(good with { Lines = [new("Work", 1, 0)] }));
        Assert.Equal(["Lines[1].UnitAmount"], await FieldsOf(good with { Lines = [new("Work", 1, 100), new("Refund", 1, -100)] }));
        Assert.Equal(["Lines[0].Quantity"], await FieldsOf(good with { Lines = [new("Work", 1.0005m, 100)] }));
        Assert.Equal(["Lines"], await FieldsOf(good with { Lines = [] }));
        Assert.Equal(["ClientId"], await FieldsOf(good with { ClientId = Guid.NewGuid() }));
        Assert.Equal(["Taxes[0].Rate"], await FieldsOf(good with { Taxes = [new(TaxKind.Hst, null, null)] }));

        var count = await scenario.InPracticeAsync(sp => sp.GetRequiredService<BillingDbContext>().Invoices.CountAsync());
        Assert.Equal(1, count);
    }

    [Theory, BothDatabases]
    public async Task The_form_says_what_is_wrong_at_each_field(DatabaseProvider provider)
    {
        var scenario = await BillingScenario.CreateAsync(await apps.For(provider));
        await scenario.InvoiceAsync("INV-7");
        var staff = await scenario.App.SignedInClientAsync(scenario.Practice, scenario.Admin);
        var page = $"admin/billing/invoices/new?clientId={scenario.ClientId}";

        var response = await staff.SubmitFormAsync(page, new()
        {
            ["Input.Number"] = "inv-7",
            ["Input.IssueDate"] = "2026-11-10",
            ["Input.DueDate"] = "2026-11-01",
            ["Input.Currency"] = "CAD",
            ["Input.Lines[0].Description"] = "Work",
            ["Input.Lines[0].UnitAmount"] = "10.005",
            ["Input.Lines[1].Description"] = "More work",
            ["Input.Lines[1].UnitAmount"] = "-5",
        });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var document = HtmlForms.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("at most two decimals", ErrorAt(document, "Input.Lines[0].UnitAmount"), StringComparison.Ordinal);
        Assert.Contains("The due date cannot be before the issue date.", ErrorAt(document, "Input.DueDate"), StringComparison.Ordinal);

        response = await staff.SubmitFormAsync(page, new()
        {
            ["Input.Number"] = "inv-7",
            ["Input.IssueDate"] = "2026-11-01",
            ["Input.DueDate"] = "2026-11-30",
            ["Input.Lines[2].Description"] = "Work",
            ["Input.Lines[2].UnitAmount"] = "0",
        });
        document = HtmlForms.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("more than zero", ErrorAt(document, "Input.Lines[2].UnitAmount"), StringComparison.Ordinal);

        response = await staff.SubmitFormAsync(page, new()
        {
            ["Input.Number"] = "inv-7",
            ["Input.IssueDate"] = "2026-11-01",
            ["Input.DueDate"] = "2026-11-30",
            ["Input.Lines[0].Description"] = "Work",
            ["Input.Lines[0].UnitAmount"] = "100",
        });
        document = HtmlForms.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Another invoice already has this number.", ErrorAt(document, "Input.Number"));

        response = await staff.SubmitFormAsync(page, new()
        {
            ["Input.Number"] = "",
            ["Input.Currency"] = "EUR",
            ["Input.IssueDate"] = "2026-11-01",
            ["Input.DueDate"] = "2026-11-30",
            ["Input.Lines[0].Description"] = "Work",
            ["Input.Lines[0].UnitAmount"] = "100",
        });
        document = HtmlForms.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Enter the invoice number.", ErrorAt(document, "Input.Number"));
        Assert.Equal("This practice does not accept EUR.", ErrorAt(document, "Input.Currency"));

        var count = await scenario.InPracticeAsync(sp => sp.GetRequiredService<BillingDbContext>().Invoices.CountAsync());
        Assert.Equal(1, count);

        response = await staff.SubmitFormAsync(page, new()
        {
            ["Input.Number"] = "INV-8",
            ["Input.IssueDate"] = "2026-11-01",
            ["Input.DueDate"] = "2026-11-30",
            ["Input.Lines[1].Description"] = "Work",
            ["Input.Lines[1].Quantity"] = "2",
            ["Input.Lines[1].UnitAmount"] = "1,250.00",
            ["Input.Taxes[1].Rate"] = "13",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var created = await scenario.InPracticeAsync(sp => sp.GetRequiredService<BillingDbContext>().Invoices.SingleAsync(i => i.Number == "INV-8"));
        Assert.Equal(250_000 + 32_500, created.TotalAmount);
    }

    [Theory, BothDatabases]
    public async Task The_add_line_button_keeps_what_was_typed_and_adds_a_row(DatabaseProvider provider)
    {
        var scenario = await BillingScenario.CreateAsync(await apps.For(provider));
        var staff = await scenario.App.SignedInClientAsync(scenario.Practice, scenario.Admin);
        var page = $"admin/billing/invoices/new?clientId={scenario.ClientId}";
        var form = (await staff.GetDocumentAsync(page)).QuerySelector<IHtmlFormElement>("form[data-testid=invoice-form]")!;
        Assert.Equal(InvoiceForm_StartingLines, form.QuerySelectorAll("input[name$='.UnitAmount']").Length);

        // Enter in a field presses the first submit button in the form: it creates the invoice.
        var first = form.QuerySelectorAll("button[type=submit], input[type=submit]").First();
        Assert.False(first.HasAttribute("formaction"));
        Assert.Equal("Create invoice", first.TextContent.Trim());
        form.SetAttribute("action", form.QuerySelector("button[formaction]")!.GetAttribute("formaction"));
        var response = await staff.PostFormAsync(form, new() { ["Input.Lines[0].Description"] = "Kept" }, page);
        var document = HtmlForms.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(InvoiceForm_StartingLines + 1, document.QuerySelectorAll("input[name$='.UnitAmount']").Length);
        Assert.Equal("Kept", document.QuerySelector<IHtmlInputElement>("input[name='Input.Lines[0].Description']")!.Value);
    }

    [Theory, BothDatabases]
    public async Task Voiding_needs_a_reason_and_an_invoice_without_payments(DatabaseProvider provider)
    {
        var scenario = await BillingScenario.CreateAsync(await apps.For(provider));
        var unpaid = await scenario.InvoiceAsync("INV-1");
        var paid = await scenario.InvoiceAsync("INV-2");
        await scenario.InPracticeAsync(sp => sp.GetRequiredService<PaymentLedger>().RecordOfflineAsync(
            new OfflinePaymentDraft(scenario.ClientId, PaymentMethod.Cheque, new DateOnly(2026, 11, 5), "100", 1_000, null, [new AllocationDraft(paid.Id, 1_000)])));

        Assert.Equal(BillingErrors.VoidReasonRequired, await scenario.InPracticeAsync(sp => sp.GetRequiredService<InvoiceBook>().VoidAsync(unpaid.Id, " ")));
        Assert.Null(await scenario.InPracticeAsync(sp => sp.GetRequiredService<InvoiceBook>().VoidAsync(unpaid.Id, "Sent twice")));
        Assert.Equal(BillingErrors.InvoiceVoid, await scenario.InPracticeAsync(sp => sp.GetRequiredService<InvoiceBook>().VoidAsync(unpaid.Id, "Again")));
        Assert.Equal(BillingErrors.InvoiceHasPayments, await scenario.InPracticeAsync(sp => sp.GetRequiredService<InvoiceBook>().VoidAsync(paid.Id, "Wrong client")));
        Assert.Equal(InvoiceStatus.Void, (await scenario.ReloadAsync(unpaid.Id))!.Status);
        Assert.Equal(InvoiceStatus.PartlyPaid, (await scenario.ReloadAsync(paid.Id))!.Status);

        // Through the page: an empty reason is refused at the field.
        var staff = await scenario.App.SignedInClientAsync(scenario.Practice, scenario.Admin);
        var third = await scenario.InvoiceAsync("INV-3");
        var response = await staff.SubmitFormAsync($"admin/billing/invoices/{third.Id}/void", new() { ["Input.Reason"] = "" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("Say why the invoice is void.", ErrorAt(HtmlForms.Parse(await response.Content.ReadAsStringAsync()), "Input.Reason"));
        Assert.Equal(InvoiceStatus.Open, (await scenario.ReloadAsync(third.Id))!.Status);
    }

    [Theory, BothDatabases]
    public async Task The_sync_api_upserts_by_external_id(DatabaseProvider provider)
    {
        var scenario = await BillingScenario.CreateAsync(await apps.For(provider));
        var draft = BillingScenario.Draft(scenario.ClientId, "INV-50") with { ExternalId = "QB-50" };
        var first = await scenario.InPracticeAsync(sp => sp.GetRequiredService<InvoiceBook>().SaveAsync(draft));
        var second = await scenario.InPracticeAsync(sp => sp.GetRequiredService<InvoiceBook>().SaveAsync(draft with { Lines = [new("Bookkeeping", 2, 10_000)] }));
        Assert.Equal(first.Value!.Id, second.Value!.Id);
        Assert.Equal(20_000, (await scenario.ReloadAsync(first.Value.Id))!.TotalAmount);
        var other = await scenario.InPracticeAsync(sp => sp.GetRequiredService<InvoiceBook>().SaveAsync(BillingScenario.Draft(scenario.ClientId, "INV-50") with { ExternalId = "QB-51" }));
        Assert.Equal(["Number"], other.Errors.Select(e => e.Field));
    }

    [Theory, BothDatabases]
    public async Task The_list_pages_by_keyset_and_filters_by_client_and_status(DatabaseProvider provider)
    {
        var scenario = await BillingScenario.CreateAsync(await apps.For(provider));
        for (var i = 0; i < InvoiceList.PageSize + 3; i++)
        {
            await scenario.InvoiceAsync($"A-{i:00}");
        }

        var otherInvoice = await scenario.InvoiceAsync("B-1", clientId: scenario.OtherClientId);
        var (first, second, byClient, voided) = await scenario.InPracticeAsync(async sp =>
        {
            var list = sp.GetRequiredService<InvoiceList>();
            var page1 = await list.PageAsync(scenario.ClientId, null, null);
            var page2 = await list.PageAsync(scenario.ClientId, null, page1.Next);
            var other = await list.PageAsync(scenario.OtherClientId, null, null);
            var none = await list.PageAsync(null, InvoiceStatus.Void, null);
            return (page1, page2, other, none);
        });

        Assert.Equal(InvoiceList.PageSize, first.Items.Count);
        Assert.Equal(3, second.Items.Count);
        Assert.Null(second.Next);
        Assert.Empty(first.Items.Select(i => i.Id).Intersect(second.Items.Select(i => i.Id)));
        Assert.Equal([otherInvoice.Id], byClient.Items.Select(i => i.Id));
        Assert.Empty(voided.Items);
    }

    private const int InvoiceForm_StartingLines = Portal.Billing.Pages.Admin.Billing.Invoices.InvoiceForm.StartingLines;

    private static string ErrorAt(AngleSharp.Html.Dom.IHtmlDocument document, string field)
        => document.QuerySelector($"[data-valmsg-for='{field}']")?.TextContent.Trim() ?? $"(no message element for {field})";
}
