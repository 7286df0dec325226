using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Billing.Models;
using Portal.Billing.Services;
using Portal.Core.Contracts;
using Portal.Core.Navigation;
using Portal.Core.Security;
using Portal.Core.Settings;

namespace Portal.Billing.Pages.Admin.Billing;

/// <summary>The practice's payment settings; the same validator as a recipe's settings step decides what is accepted.</summary>
[RequirePermission(Permissions.ManagePaymentsName)]
public sealed class PaymentSettingsModel(SiteSettingsStore settings, IAuditLog audit) : PageModel
{
    [BindProperty]
    public SettingsForm Input { get; set; } = new();

    /// <summary>What a client owing 100.00 would pay with the fee passed through, as the form now stands.</summary>
    public string? Example { get; private set; }

    public async Task OnGetAsync()
    {
        var current = await settings.GetAsync<PaymentSettings>(HttpContext.RequestAborted);
        Input = SettingsForm.From(current);
        Example = ExampleOf(current);
    }

    public async Task<IActionResult> OnPostAsync()
    {
        ModelState.Clear();
        var current = await settings.GetAsync<PaymentSettings>(HttpContext.RequestAborted);
        var changed = current with
        {
            PaymentsEnabled = Input.PaymentsEnabled,
            Currencies = string.Join(",", (Input.Currencies ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(c => c.ToUpperInvariant())),
            AllowPartialPayments = Input.AllowPartialPayments,
            PassFeeToClient = Input.PassFeeToClient,
            NoFeeProvinces = string.Join(",", (Input.NoFeeProvinces ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(c => c.ToUpperInvariant())),
        };
        if (Read(Input.MinimumPartialPayment, nameof(SettingsForm.MinimumPartialPayment)) is { } minimum)
        {
            changed = changed with { MinimumPartialPayment = minimum };
        }

        if (Read(Input.FeeFixedAmount, nameof(SettingsForm.FeeFixedAmount)) is { } fixedAmount)
        {
            changed = changed with { FeeFixedAmount = fixedAmount };
        }

        if (Percent(Input.FeeRatePercent, nameof(SettingsForm.FeeRatePercent), required: true) is { } rate)
        {
            changed = changed with { FeeRatePercent = rate };
        }

        changed = changed with { FeeCapPercent = string.IsNullOrWhiteSpace(Input.FeeCapPercent) ? null : Percent(Input.FeeCapPercent, nameof(SettingsForm.FeeCapPercent), required: false) ?? current.FeeCapPercent };
        ModelState.AddSettingsProblems(settings.Validate(changed));
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            Example = ExampleOf(current);
            return Page();
        }

        await settings.SaveAsync(changed, HttpContext.RequestAborted);
        await audit.RecordAsync(new AuditEntry(AuditActions.SettingsChanged, AuditTargetTypes.Settings, PaymentSettings.SectionName, "payment settings"), HttpContext.RequestAborted);
        TempData[TempDataKeys.Status] = "Payment settings saved.";
        return RedirectToPage();
    }

    private long? Read(string? text, string field)
    {
        if (Money.TryParse(text, out var amount, out var problem))
        {
            return amount;
        }

        ModelState.AddModelError($"{nameof(Input)}.{field}", problem!);
        return null;
    }

    private decimal? Percent(string? text, string field, bool required)
    {
        if (decimal.TryParse((text ?? "").Trim().TrimEnd('%'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        ModelState.AddModelError($"{nameof(Input)}.{field}", required || !string.IsNullOrWhiteSpace(text) ? "Enter a percent, like 2.9." : "");
        return null;
    }

    private static string ExampleOf(PaymentSettings current)
    {
        var fee = FeeCalculator.Fee(10_000, current.FeeSchedule, null);
        return $"A client owing {Money.Format(10_000, current.DefaultCurrency)} would pay {Money.Format(10_000 + fee, current.DefaultCurrency)} (fee {Money.Format(fee, current.DefaultCurrency)}) when the fee is passed through.";
    }

    public sealed class SettingsForm
    {
        public bool PaymentsEnabled { get; set; }

        public string? Currencies { get; set; }

        public bool AllowPartialPayments { get; set; }

        public string? MinimumPartialPayment { get; set; }

        public bool PassFeeToClient { get; set; }

        public string? FeeRatePercent { get; set; }

        public string? FeeFixedAmount { get; set; }

        public string? FeeCapPercent { get; set; }

        public string? NoFeeProvinces { get; set; }

        public static SettingsForm From(PaymentSettings s) => new()
        {
            PaymentsEnabled = s.PaymentsEnabled,
            Currencies = s.Currencies,
            AllowPartialPayments = s.AllowPartialPayments,
            MinimumPartialPayment = Money.ToInput(s.MinimumPartialPayment),
            PassFeeToClient = s.PassFeeToClient,
            FeeRatePercent = s.FeeRatePercent.ToString(CultureInfo.InvariantCulture),
            FeeFixedAmount = Money.ToInput(s.FeeFixedAmount),
            FeeCapPercent = s.FeeCapPercent?.ToString(CultureInfo.InvariantCulture),
            NoFeeProvinces = s.NoFeeProvinces,
        };
    }
}
