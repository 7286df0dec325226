using System.Net;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Data;
using Portal.Reports.Data;
using Portal.Reports.Journals;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Reports;

/// <summary>
/// The accounting exports page: a file remembers what went into it, the next "not exported yet" has
/// only what is new (a refund as a reversing entry, or nothing), and the history gives back the same bytes.
/// </summary>
public sealed class AccountingExportPageTests(SharedApps apps) : IClassFixture<SharedApps>
{
    private const string Page = "admin/reports/accounting-exports";

    [Theory, BothDatabases]
    public async Task An_export_remembers_its_payments_the_next_has_only_the_refund_then_nothing_and_history_gives_the_same_bytes(DatabaseProvider provider)
    {
        var scenario = await ReportsScenario.CreateAsync(await apps.For(provider));
        var admin = await scenario.AdminAsync();

        var first = await ExportAsync(admin, "quickbooks-online");
        Assert.Matches(@"^quickbooks-online-\d{4}-\d{2}-\d{2}-1\.csv$", first.FileName);
        var lines = Lines(first.Bytes);
        Assert.Equal("Journal No.,Journal Date,Account Name,Description,Debits,Credits,Name", lines[0]);

        // The cheque (no fee line) and the card payment (net, fee, receivable); the pending payment waits.
        var entries = lines.Skip(1).Select(l => ReportReaders.CsvRecords(l + "\r\n")[0]).ToList();
        Assert.Equal(["1", "1", "2", "2", "2"], entries.Select(e => e[0]));
        Assert.Equal(
            [("Stripe Clearing", "100.00", ""), ("Accounts Receivable", "", "100.00"), ("Stripe Clearing", "100.00", ""), ("Merchant Fees", "3.20", ""), ("Accounts Receivable", "", "103.20")],
            entries.Select(e => (e[2], e[4], e[5])));
        Assert.Equal("11/10/2026", entries[2][1]);

        var items = await ItemsAsync(scenario);
        Assert.Equal([(scenario.Cheque.Id, AccountingTransactionKind.Payment), (scenario.Card.Id, AccountingTransactionKind.Payment)], items.OrderBy(i => i.Item1 == scenario.Card.Id).ToList());

        // A second "not exported yet" for the same program has nothing new, and makes no file.
        var nothing = await PostAsync(admin, "quickbooks-online");
        Assert.Equal(HttpStatusCode.OK, nothing.StatusCode);
        Assert.Null(nothing.Content.Headers.ContentDisposition);
        var notice = HtmlForms.Parse(await nothing.Content.ReadAsStringAsync()).QuerySelector("[data-testid=export-notice]")?.TextContent ?? "";
        Assert.StartsWith("Nothing new to export since ", notice, StringComparison.Ordinal);
        Assert.Equal(2, (await ItemsAsync(scenario)).Count);

        // Another program is remembered apart: it still gets both payments.
        var xero = await ExportAsync(admin, "xero");
        Assert.Equal(6, Lines(xero.Bytes).Count);

        // A refund after the export comes in the next one as the reversing entry, numbered on.
        Assert.True((await scenario.RefundCardAsync()).Created);
        var refund = await ExportAsync(admin, "quickbooks-online");
        var reversing = Lines(refund.Bytes).Skip(1).Select(l => ReportReaders.CsvRecords(l + "\r\n")[0]).ToList();
        Assert.Equal(
            [("3", "Stripe Clearing", "", "100.00"), ("3", "Merchant Fees", "", "3.20"), ("3", "Accounts Receivable", "103.20", "")],
            reversing.Select(e => (e[0], e[2], e[4], e[5])));
        Assert.EndsWith("-2.csv", refund.FileName, StringComparison.Ordinal);
        Assert.Contains(await ItemsAsync(scenario), i => i.Item2 == AccountingTransactionKind.Refund);

        // The history lists every file; its link gives back the first file byte for byte.
        var history = await admin.GetDocumentAsync(Page);
        var links = history.QuerySelectorAll<IHtmlAnchorElement>("[data-testid=export-history] a[data-testid=export-download]").ToList();
        Assert.Equal(3, links.Count);
        var again = links.Single(a => a.TextContent.Trim() == first.FileName);
        using var download = await admin.GetAsync(Relative(admin, again.GetAttribute("href")!));
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(first.FileName, download.Content.Headers.ContentDisposition!.FileNameStar ?? download.Content.Headers.ContentDisposition.FileName?.Trim('"'));
        Assert.Equal(first.Bytes, await download.Content.ReadAsByteArrayAsync());
    }

    [Theory, BothDatabases]
    public async Task Bad_choices_come_back_at_their_field_and_an_unknown_export_is_not_found(DatabaseProvider provider)
    {
        var scenario = await ReportsScenario.CreateAsync(await apps.For(provider));
        var admin = await scenario.AdminAsync();
        (string Program, string Mode, string From, string To, string Field)[] cases =
        [
            ("lotus-123", "new", "", "", "Program"),
            ("xero", "range", "2026-11-30", "2026-11-01", "To"),
            ("xero", "range", "2020-01-01", "2025-06-01", "To"),
            ("xero", "range", "yesterday", "2026-11-30", "From"),
            ("xero", "sometimes", "", "", "Mode"),
        ];
        foreach (var (program, mode, from, to, field) in cases)
        {
            using var response = await admin.SubmitFormAsync(Page, new() { ["Input.Program"] = program, ["Input.Mode"] = mode, ["Input.From"] = from, ["Input.To"] = to }, "[data-testid=accounting-export]");
            Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
            var document = HtmlForms.Parse(await response.Content.ReadAsStringAsync());
            Assert.False(string.IsNullOrWhiteSpace(document.QuerySelector($"[data-valmsg-for='Input.{field}']")?.TextContent), $"{program} {mode} {from}..{to}: no message at {field}");
        }

        Assert.Empty(await ItemsAsync(scenario));

        // A range takes only what falls in it.
        var range = await ExportAsync(admin, "sage-50", "range", "2026-11-01", "2026-11-05");
        Assert.Equal([scenario.Cheque.Id], (await ItemsAsync(scenario)).Select(i => i.Item1));
        Assert.StartsWith("11-03-26,", Encoding.Latin1.GetString(range.Bytes), StringComparison.Ordinal);

        using var unknown = await admin.GetAsync($"{Page}?handler=Download&id={Guid.NewGuid()}");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Theory, BothDatabases]
    public async Task The_mapping_page_refuses_a_bad_account_at_its_field_and_exports_use_what_it_saved(DatabaseProvider provider)
    {
        var scenario = await ReportsScenario.CreateAsync(await apps.For(provider));
        var admin = await scenario.AdminAsync();
        const string mapping = "admin/reports/account-mapping";

        var page = await admin.GetDocumentAsync(mapping);
        Assert.Contains("Default: 1065", page.QuerySelector("#clearing-account-number-help")!.TextContent, StringComparison.Ordinal);

        using var refused = await admin.SubmitFormAsync(mapping, new() { ["Input.ClearingAccountNumber"] = "10-65", ["Input.FeesAccountName"] = "" }, "[data-testid=account-mapping]");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var form = HtmlForms.Parse(await refused.Content.ReadAsStringAsync());
        Assert.Contains("digits only", form.QuerySelector("#clearing-account-number-error")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Is required", form.QuerySelector("#fees-account-name-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("", form.QuerySelector("#receivable-account-number-error")!.TextContent.Trim());

        using var saved = await admin.SubmitFormAsync(mapping, new() { ["Input.ClearingAccountNumber"] = "1010", ["Input.ClearingAccountName"] = "Chequing" }, "[data-testid=account-mapping]");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("1010", (await admin.GetDocumentAsync(mapping)).QuerySelector<IHtmlInputElement>("input[name='Input.ClearingAccountNumber']")!.Value);

        var sage = await ExportAsync(admin, "sage-50");
        Assert.Contains("\r\n1010,100.00", Encoding.Latin1.GetString(sage.Bytes), StringComparison.Ordinal);
        var iif = await ExportAsync(admin, "quickbooks-desktop");
        Assert.Contains("\tChequing\t", Encoding.Latin1.GetString(iif.Bytes), StringComparison.Ordinal);
    }

    private static async Task<(string FileName, byte[] Bytes)> ExportAsync(HttpClient admin, string program, string mode = "new", string from = "", string to = "")
    {
        using var made = await PostAsync(admin, program, mode, from, to);
        Assert.True(made.StatusCode == HttpStatusCode.Redirect, $"making a {program} export answered {(int)made.StatusCode}: {await made.Content.ReadAsStringAsync()}");
        using var file = await admin.GetAsync(Relative(admin, made.Headers.Location!.OriginalString));
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        var disposition = file.Content.Headers.ContentDisposition!;
        Assert.Equal("attachment", disposition.DispositionType);
        return (disposition.FileNameStar ?? disposition.FileName!.Trim('"'), await file.Content.ReadAsByteArrayAsync());
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient admin, string program, string mode = "new", string from = "", string to = "")
        => admin.SubmitFormAsync(Page, new() { ["Input.Program"] = program, ["Input.Mode"] = mode, ["Input.From"] = from, ["Input.To"] = to }, "[data-testid=accounting-export]");

    private static List<string> Lines(byte[] bytes)
        => [.. Encoding.UTF8.GetString(bytes).Split("\r\n", StringSplitOptions.RemoveEmptyEntries)];

    private static Task<List<(Guid, AccountingTransactionKind)>> ItemsAsync(ReportsScenario scenario)
        => scenario.Billing.InPracticeAsync(async sp => (await sp.GetRequiredService<ReportsDbContext>().ExportItems.AsNoTracking().ToListAsync())
            .Select(i => (i.TransactionId, i.Kind)).ToList());

    /// <summary>A path the page wrote (with the practice's prefix) as the client's relative address.</summary>
    private static string Relative(HttpClient client, string path)
    {
        var basePath = client.BaseAddress!.AbsolutePath;
        return path.StartsWith(basePath, StringComparison.OrdinalIgnoreCase) ? path[basePath.Length..] : path.TrimStart('/');
    }
}
