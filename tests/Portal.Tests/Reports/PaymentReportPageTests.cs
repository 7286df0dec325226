using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Audit.Data;
using Portal.Core.Data;
using Portal.Reports.Models;
using Portal.Reports.Services;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Reports;

/// <summary>The payment report page: each format downloaded through HTTP agrees with the books and with the others; bad input comes back at its field.</summary>
public sealed class PaymentReportPageTests(SharedApps apps) : IClassFixture<SharedApps>
{
    private const string Page = "admin/reports/payments";

    [Theory, BothDatabases]
    public async Task Each_format_downloads_as_an_attachment_with_the_same_rows_and_totals_as_the_payments(DatabaseProvider provider)
    {
        var scenario = await ReportsScenario.CreateAsync(await apps.For(provider));
        var admin = await scenario.AdminAsync();

        var form = await admin.GetDocumentAsync(Page);
        Assert.NotNull(form.QuerySelector("[data-testid=payment-report] input[name='Input.From']"));

        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var format in new[] { "xlsx", "csv", "json" })
        {
            using var response = await admin.GetAsync(Download("2026-11-01", "2026-11-30", "all", format));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var disposition = response.Content.Headers.ContentDisposition!;
            Assert.Equal("attachment", disposition.DispositionType);
            Assert.Equal($"payments-2026-11-01-to-2026-11-30.{format}", disposition.FileNameStar ?? disposition.FileName?.Trim('"'));
            files[format] = await response.Content.ReadAsByteArrayAsync();
        }

        var xlsx = ReportReaders.Xlsx(files["xlsx"], PaymentReportColumns.Headings.Count);
        var csv = ReportReaders.Csv(files["csv"]);
        var json = ReportReaders.Json(files["json"], PaymentReportColumns.Headings);
        Assert.Equal(csv, xlsx);
        Assert.Equal(csv, json);

        Assert.Equal(PaymentReportColumns.Headings, csv[0]);
        var rows = csv.Skip(1).Where(r => r[0] != PaymentReportColumns.TotalLabel).ToList();
        Assert.Equal(["2026-11-03", "2026-11-10", "2026-11-12"], rows.Select(r => r[0]));
        Assert.Equal(["INV-1", "INV-2", "INV-3"], rows.Select(r => r[2]));
        Assert.Equal(["100.00", "103.20", "50.00"], rows.Select(r => r[4]));
        Assert.Equal(["0.00", "3.20", "0.00"], rows.Select(r => r[5]));
        Assert.Equal(["Paid", "Paid", "Pending"], rows.Select(r => r[8]));
        Assert.Equal("ch_test_card", rows[1][10]);
        var total = Assert.Single(csv, r => r[0] == PaymentReportColumns.TotalLabel);
        Assert.Equal(("3 payments", "253.20", "3.20", "250.00", "CAD"), (total[3], total[4], total[5], total[6], total[7]));

        // A status narrows the rows, and each download is in the audit trail.
        using var paid = await admin.GetAsync(Download("2026-11-01", "2026-11-30", "paid", "csv"));
        var paidRows = ReportReaders.Csv(await paid.Content.ReadAsByteArrayAsync());
        Assert.Equal(["INV-1", "INV-2"], paidRows.Skip(1).Where(r => r[0] != PaymentReportColumns.TotalLabel).Select(r => r[2]));
        Assert.Equal("payments-2026-11-01-to-2026-11-30-paid.csv", paid.Content.Headers.ContentDisposition!.FileNameStar);
        var audited = await scenario.Billing.InPracticeAsync(sp => sp.GetRequiredService<AuditDbContext>().Events.CountAsync(e => e.Action == ReportsAuditActions.PaymentReportDownloaded));
        Assert.Equal(4, audited);
    }

    [Theory, BothDatabases]
    public async Task Bad_input_comes_back_at_its_field_without_a_file(DatabaseProvider provider)
    {
        var scenario = await ReportsScenario.CreateAsync(await apps.For(provider));
        var admin = await scenario.AdminAsync();
        (string From, string To, string Status, string Format, string Field)[] cases =
        [
            ("2026-11-30", "2026-11-01", "all", "csv", "to"),
            ("2020-01-01", "2025-01-02", "all", "csv", "to"),
            ("2026-11-01", "2026-11-30", "settled", "csv", "status"),
            ("2026-11-01", "2026-11-30", "all", "pdf", "format"),
            ("30/11/2026", "2026-11-30", "all", "xlsx", "from"),
            ("", "2026-11-30", "all", "json", "from"),
        ];
        foreach (var (from, to, status, format, field) in cases)
        {
            using var response = await admin.GetAsync(Download(from, to, status, format));
            Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
            Assert.Null(response.Content.Headers.ContentDisposition);
            Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
            var document = HtmlForms.Parse(await response.Content.ReadAsStringAsync());
            var message = document.QuerySelector($"#{field}-error")?.TextContent.Trim();
            Assert.False(string.IsNullOrEmpty(message), $"{from}..{to} {status} {format}: no message at {field}");
            foreach (var other in new[] { "from", "to", "status", "format" }.Where(f => f != field))
            {
                Assert.Equal("", document.QuerySelector($"#{other}-error")?.TextContent.Trim());
            }

            // The form comes back with what was typed.
            Assert.Equal(from, document.QuerySelector<IHtmlInputElement>("input[name='Input.From']")!.Value);
        }

        var audited = await scenario.Billing.InPracticeAsync(sp => sp.GetRequiredService<AuditDbContext>().Events.CountAsync(e => e.Action == ReportsAuditActions.PaymentReportDownloaded));
        Assert.Equal(0, audited);
    }

    [Theory, BothDatabases]
    public async Task Staff_without_the_export_permission_are_refused_every_report_page(DatabaseProvider provider)
    {
        var scenario = await ReportsScenario.CreateAsync(await apps.For(provider));
        var staff = await scenario.StaffAsync();
        foreach (var path in new[] { Page, Download("2026-11-01", "2026-11-30", "all", "csv"), "admin/reports/accounting-exports", "admin/reports/account-mapping" })
        {
            using var response = await staff.GetAsync(path);
            var location = response.Headers.Location?.OriginalString ?? "";
            Assert.True(
                response.StatusCode == HttpStatusCode.Forbidden || (response.StatusCode == HttpStatusCode.Redirect && location.Contains("access-denied", StringComparison.Ordinal)),
                $"{path} answered {(int)response.StatusCode} {location}");
            Assert.Null(response.Content.Headers.ContentDisposition);
        }
    }

    private static string Download(string from, string to, string status, string format)
        => $"{Page}?handler=Download&Input.From={Uri.EscapeDataString(from)}&Input.To={Uri.EscapeDataString(to)}&Input.Status={status}&Input.Format={format}";
}
