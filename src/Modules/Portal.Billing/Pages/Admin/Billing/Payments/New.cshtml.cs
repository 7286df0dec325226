using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Billing.Models;
using Portal.Billing.Services;
using Portal.Core.Contracts;
using Portal.Core.Errors;
using Portal.Core.Navigation;
using Portal.Core.Security;
using Portal.Core.Settings;
using Portal.Core.Time;

namespace Portal.Billing.Pages.Admin.Billing.Payments;

/// <summary>
/// Records a payment received outside the portal. Allocation rows left empty mean "oldest open invoice
/// first"; the payment must be allocated in full (the module keeps no credit for offline payments).
/// </summary>
[RequirePermission(Permissions.TakePaymentsName)]
public sealed class NewPaymentModel(PaymentLedger ledger, IClientDirectory clients, SiteSettingsStore settings, IPracticeClock clock) : PageModel
{
    [BindProperty]
    public PaymentForm Input { get; set; } = new();

    [BindProperty(SupportsGet = true, Name = "clientId")]
    public Guid? ClientIdFromLink { get; set; }

    /// <summary>The client typed on the first step (external ID or name).</summary>
    [BindProperty(SupportsGet = true, Name = "client")]
    public string? ClientReference { get; set; }

    public ClientSummary? Client { get; private set; }

    public string? ClientProblem { get; private set; }

    public IReadOnlyList<Invoice> OpenInvoices { get; private set; } = [];

    public IReadOnlyList<string> Currencies { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var cancellationToken = HttpContext.RequestAborted;
        Client = ClientIdFromLink is { } id ? await clients.FindAsync(id, cancellationToken)
            : string.IsNullOrWhiteSpace(ClientReference) ? null : await clients.FindByReferenceAsync(ClientReference.Trim(), cancellationToken);
        if (Client is null && !string.IsNullOrWhiteSpace(ClientReference))
        {
            ClientProblem = "No client has that external ID or name.";
        }

        Input.ClientId = Client?.Id;
        Input.ReceivedOn = await clock.TodayAsync(cancellationToken);
        await LoadAsync();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var cancellationToken = HttpContext.RequestAborted;
        ModelState.Clear();
        Client = Input.ClientId is { } id ? await clients.FindAsync(id, cancellationToken) : null;
        var errors = new List<PortalError>();
        if (Client is null)
        {
            errors.Add(new PortalError(BillingErrors.PaymentClientUnknown.Code, ErrorKind.Invalid, "Choose the client first."));
        }

        if (!Money.TryParse(Input.Amount, out var amount, out var problem))
        {
            errors.Add(BillingErrors.AmountInvalid(nameof(PaymentForm.Amount), problem!));
        }

        if (Input.ReceivedOn is null)
        {
            errors.Add(new PortalError("payment-date-required", ErrorKind.Invalid, "Enter the date the payment was received.", nameof(PaymentForm.ReceivedOn)));
        }

        if (Input.Method is null || !Enum.IsDefined(Input.Method.Value) || Input.Method == PaymentMethod.Online)
        {
            errors.Add(new PortalError("payment-method-required", ErrorKind.Invalid, "Choose how the payment was made.", nameof(PaymentForm.Method)));
        }

        var allocations = new List<AllocationDraft>();
        for (var i = 0; i < Input.Allocations.Count; i++)
        {
            var row = Input.Allocations[i];
            if (string.IsNullOrWhiteSpace(row.Amount))
            {
                continue;
            }

            if (Money.TryParse(row.Amount, out var part, out var partProblem))
            {
                allocations.Add(new AllocationDraft(row.InvoiceId, part));
            }
            else
            {
                errors.Add(BillingErrors.AmountInvalid($"Allocations[{i}].Amount", partProblem!));
            }
        }

        if (errors.Count == 0)
        {
            // The ledger numbers allocations among the non-empty rows; the form among all of them.
            var rows = Input.Allocations.Select((a, i) => (a, i)).Where(x => !string.IsNullOrWhiteSpace(x.a.Amount)).Select(x => x.i).ToList();
            var result = await ledger.RecordOfflineAsync(new OfflinePaymentDraft(Client!.Id, Input.Method!.Value, Input.ReceivedOn!.Value, Input.Reference, amount, Input.Currency, allocations), cancellationToken);
            if (result.Succeeded)
            {
                TempData[TempDataKeys.Status] = $"Payment of {Money.Format(result.Value!.Amount, result.Value.Currency)} recorded.";
                return RedirectToPage("/Admin/Billing/Payments/Index", new { clientId = Client.Id });
            }

            errors.AddRange(result.Errors.Select(e => Retarget(e, rows)));
        }

        foreach (var error in errors)
        {
            ModelState.AddPortalError(error);
        }

        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        var payment = await settings.GetAsync<PaymentSettings>(HttpContext.RequestAborted);
        Currencies = payment.CurrencyList;
        if (Client is null)
        {
            return;
        }

        OpenInvoices = await ledger.OpenInvoicesAsync(Client.Id, null, HttpContext.RequestAborted);
        var typed = Input.Allocations.ToDictionary(a => a.InvoiceId, a => a.Amount);
        Input.Allocations = [.. OpenInvoices.Select(i => new PaymentForm.AllocationRow { InvoiceId = i.Id, Amount = typed.GetValueOrDefault(i.Id) })];
    }

    private static PortalError Retarget(PortalError error, List<int> rows)
    {
        const string prefix = "Allocations[";
        if (error.Field is { } field && field.StartsWith(prefix, StringComparison.Ordinal) && field.IndexOf(']', StringComparison.Ordinal) is > 0 and var end
            && int.TryParse(field[prefix.Length..end], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index) && index < rows.Count)
        {
            return new PortalError(error.Code, error.Kind, error.Message, $"{prefix}{rows[index]}{field[end..]}");
        }

        return error.Field == "ClientId" ? new PortalError(error.Code, error.Kind, error.Message) : error;
    }

    public sealed class PaymentForm
    {
        public Guid? ClientId { get; set; }

        public PaymentMethod? Method { get; set; }

        public DateOnly? ReceivedOn { get; set; }

        public string? Reference { get; set; }

        public string? Amount { get; set; }

        public string? Currency { get; set; }

        public List<AllocationRow> Allocations { get; set; } = [];

        public sealed class AllocationRow
        {
            public Guid InvoiceId { get; set; }

            public string? Amount { get; set; }
        }
    }
}
