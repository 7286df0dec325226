using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Net.Http.Headers;
using Portal.Core.Contracts;
using Portal.Core.Security;
using Portal.Core.Settings;
using Portal.Core.Time;
using Portal.Reports.Exports;
using Portal.Reports.Journals;
using Portal.Reports.Models;
using Portal.Reports.Services;

namespace Portal.Reports.Pages.Admin.Reports;

/// <summary>
/// Accounting import files: make one (only what was not exported yet, optionally within dates), and the
/// history of files made, each downloadable again as it was first written.
/// </summary>
[RequirePermission(Permissions.ExportPaymentsName)]
public sealed class AccountingExportsModel(AccountingExports exports, SiteSettingsStore settings, IPracticeClock clock, IAuditLog audit) : PageModel
{
    public const string OnlyNew = "new";
    public const string Range = "range";

    [BindProperty]
    public ExportForm Input { get; set; } = new();

    public IReadOnlyList<AccountingExportSummary> History { get; private set; } = [];

    public PracticeTimeZone Zone { get; private set; } = PracticeTimeZone.Utc;

    public bool MappingComplete { get; private set; }

    /// <summary>Why no file was made ("Nothing new to export since ...").</summary>
    public string? Notice { get; private set; }

    /// <summary>The notice says the file could not be made (shown as an error), not that there was nothing new.</summary>
    public bool NoticeIsFailure { get; private set; }

    public async Task OnGetAsync()
    {
        Input = new ExportForm { Program = AccountingPrograms.Slug(JournalFileFormat.QuickBooksDesktopIif), Mode = OnlyNew };
        await LoadAsync();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        ModelState.Clear();
        var program = AccountingPrograms.FromSlug(Input.Program);
        if (program is null)
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(ExportForm.Program)}", "Choose the program to import into.");
        }

        DateOnly? from = null, to = null;
        switch (Input.Mode)
        {
            case OnlyNew:
                break;
            case Range:
                from = Date(Input.From, nameof(ExportForm.From), "start");
                to = Date(Input.To, nameof(ExportForm.To), "end");
                if (from is { } f && to is { } t && new PaymentReportQuery(f, t, null).Problems().FirstOrDefault() is { Field: not null } problem)
                {
                    ModelState.AddModelError($"{nameof(Input)}.{problem.Field}", "The end date " + problem.Message);
                }

                break;
            default:
                ModelState.AddModelError($"{nameof(Input)}.{nameof(ExportForm.Mode)}", "Choose \"only payments not exported yet\" or a date range.");
                break;
        }

        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            await LoadAsync();
            return Page();
        }

        var outcome = await exports.CreateAsync(program!.Value, from, to, HttpContext.RequestAborted);
        if (outcome.Export is { } export)
        {
            return RedirectToPage(null, "Download", new { id = export.Id });
        }

        Notice = outcome.Message;
        NoticeIsFailure = outcome.IsFailure;
        if (outcome.IsFailure)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        }

        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnGetDownloadAsync(Guid id)
    {
        if (await exports.FindAsync(id, HttpContext.RequestAborted) is not { } export)
        {
            return NotFound();
        }

        await audit.RecordAsync(new AuditEntry(ReportsAuditActions.AccountingExportDownloaded, ReportsAuditTargets.AccountingExport, export.Id.ToString(), export.FileName), HttpContext.RequestAborted);
        Response.ContentType = export.ContentType;
        Response.ContentLength = export.Size;
        Response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileNameStar = export.FileName, FileName = export.FileName }.ToString();
        Response.Headers.CacheControl = "no-store";
        await exports.CopyFileAsync(export.Id, Response.Body, HttpContext.RequestAborted);
        return new EmptyResult();
    }

    public static string RangeText(AccountingExportSummary export)
    {
        ArgumentNullException.ThrowIfNull(export);
        var culture = CultureInfo.InvariantCulture;
        return export.RangeFrom is { } from && export.RangeTo is { } to
            ? $"Not exported yet, {from.ToString(PaymentReportForm.DateFormat, culture)} to {to.ToString(PaymentReportForm.DateFormat, culture)}"
            : "Not exported yet";
    }

    private DateOnly? Date(string? text, string field, string which)
    {
        if (DateOnly.TryParseExact((text ?? "").Trim(), PaymentReportForm.DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        ModelState.AddModelError($"{nameof(Input)}.{field}", string.IsNullOrWhiteSpace(text) ? $"Enter the {which} date." : $"Enter the {which} date as YYYY-MM-DD, like 2026-03-31.");
        return null;
    }

    private async Task LoadAsync()
    {
        Zone = await clock.ZoneAsync(HttpContext.RequestAborted);
        MappingComplete = !AccountMapping.Validate(await settings.GetAsync<AccountMapping>(HttpContext.RequestAborted)).Any();
        History = await exports.HistoryAsync(HttpContext.RequestAborted);
    }

    public sealed class ExportForm
    {
        public string? Program { get; set; }

        public string? Mode { get; set; }

        public string? From { get; set; }

        public string? To { get; set; }
    }
}
