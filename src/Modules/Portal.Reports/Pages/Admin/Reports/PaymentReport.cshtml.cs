using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Net.Http.Headers;
using Portal.Core.Contracts;
using Portal.Core.Security;
using Portal.Core.Time;
using Portal.Reports.Models;
using Portal.Reports.Services;

namespace Portal.Reports.Pages.Admin.Reports;

/// <summary>
/// The payment report: a GET form (a report changes nothing, and its address can be bookmarked) whose
/// Download handler streams the file straight into the response as the rows are read.
/// </summary>
[RequirePermission(Permissions.ExportPaymentsName)]
public sealed class PaymentReportModel(PaymentReportSource source, IEnumerable<IPaymentReportWriter> writers, IPracticeClock clock, IAuditLog audit) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public PaymentReportForm Input { get; set; } = new();

    public string ZoneLabel { get; private set; } = "";

    public async Task OnGetAsync()
    {
        Input = PaymentReportForm.ForMonth(await clock.TodayAsync(HttpContext.RequestAborted));
        ZoneLabel = (await clock.ZoneAsync(HttpContext.RequestAborted)).Label;
    }

    public async Task<IActionResult> OnGetDownloadAsync()
    {
        ModelState.Clear();
        var (query, format, problems) = Input.Read();
        if (query is null)
        {
            foreach (var (field, message) in problems)
            {
                ModelState.AddModelError($"{nameof(Input)}.{field}", message);
            }

            ZoneLabel = (await clock.ZoneAsync(HttpContext.RequestAborted)).Label;
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }

        var writer = writers.Single(w => w.Format == format);
        var fileName = FileName(query, writer.FileExtension);
        await audit.RecordAsync(new AuditEntry(ReportsAuditActions.PaymentReportDownloaded, ReportsAuditTargets.PaymentReport, null, fileName), HttpContext.RequestAborted);

        Response.ContentType = writer.ContentType;
        Response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileNameStar = fileName, FileName = fileName }.ToString();
        Response.Headers.CacheControl = "no-store";
        await writer.WriteAsync(source.RowsAsync(query, HttpContext.RequestAborted), Response.Body, HttpContext.RequestAborted);
        return new EmptyResult();
    }

    /// <summary>"payments-2026-03-01-to-2026-03-31-paid.xlsx".</summary>
    public static string FileName(PaymentReportQuery query, string extension)
    {
        ArgumentNullException.ThrowIfNull(query);
        var culture = CultureInfo.InvariantCulture;
        var status = query.Status is { } s ? "-" + PaymentReportColumns.StatusText(s).ToLowerInvariant().Replace(' ', '-') : "";
        return $"payments-{query.From.ToString(PaymentReportForm.DateFormat, culture)}-to-{query.To.ToString(PaymentReportForm.DateFormat, culture)}{status}{extension}";
    }
}
