using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Core.Contracts;
using Portal.Core.Navigation;
using Portal.Core.Security;
using Portal.Core.Settings;
using Portal.Reports.Journals;

namespace Portal.Reports.Pages.Admin.Reports;

/// <summary>The accounts payments are exported to (settings section "account-mapping"); the section's validator decides, as for a recipe.</summary>
[RequirePermission(Permissions.ManageAccountMappingName)]
public sealed class AccountMappingModel(SiteSettingsStore settings, IAuditLog audit) : PageModel
{
    [BindProperty]
    public MappingForm Input { get; set; } = new();

    /// <summary>The defaults, shown beside each field.</summary>
    public AccountMapping Defaults { get; } = new();

    public async Task OnGetAsync() => Input = MappingForm.From(await settings.GetAsync<AccountMapping>(HttpContext.RequestAborted));

    public async Task<IActionResult> OnPostAsync()
    {
        ModelState.Clear();
        var current = await settings.GetAsync<AccountMapping>(HttpContext.RequestAborted);
        var changed = current with
        {
            ClearingAccountName = Trim(Input.ClearingAccountName),
            ClearingAccountNumber = Trim(Input.ClearingAccountNumber),
            FeesAccountName = Trim(Input.FeesAccountName),
            FeesAccountNumber = Trim(Input.FeesAccountNumber),
            ReceivableAccountName = Trim(Input.ReceivableAccountName),
            ReceivableAccountNumber = Trim(Input.ReceivableAccountNumber),
            XeroTaxRate = Trim(Input.XeroTaxRate),
            QuickBooksOnlineDateFormat = Trim(Input.QuickBooksOnlineDateFormat),
        };
        ModelState.AddSettingsProblems(settings.Validate(changed));
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }

        await settings.SaveAsync(changed, HttpContext.RequestAborted);
        await audit.RecordAsync(new AuditEntry(AuditActions.SettingsChanged, AuditTargetTypes.Settings, AccountMapping.SectionName, "account mapping"), HttpContext.RequestAborted);
        TempData[TempDataKeys.Status] = "Account mapping saved.";
        return RedirectToPage();
    }

    private static string Trim(string? value) => (value ?? "").Trim();

    public sealed class MappingForm
    {
        public string? ClearingAccountName { get; set; }

        public string? ClearingAccountNumber { get; set; }

        public string? FeesAccountName { get; set; }

        public string? FeesAccountNumber { get; set; }

        public string? ReceivableAccountName { get; set; }

        public string? ReceivableAccountNumber { get; set; }

        public string? XeroTaxRate { get; set; }

        public string? QuickBooksOnlineDateFormat { get; set; }

        public static MappingForm From(AccountMapping m) => new()
        {
            ClearingAccountName = m.ClearingAccountName,
            ClearingAccountNumber = m.ClearingAccountNumber,
            FeesAccountName = m.FeesAccountName,
            FeesAccountNumber = m.FeesAccountNumber,
            ReceivableAccountName = m.ReceivableAccountName,
            ReceivableAccountNumber = m.ReceivableAccountNumber,
            XeroTaxRate = m.XeroTaxRate,
            QuickBooksOnlineDateFormat = m.QuickBooksOnlineDateFormat,
        };
    }
}
