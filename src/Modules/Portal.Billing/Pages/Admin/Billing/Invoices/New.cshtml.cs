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

namespace Portal.Billing.Pages.Admin.Billing.Invoices;

[RequirePermission(Permissions.TakePaymentsName)]
public sealed class NewInvoiceModel(InvoiceBook invoices, IClientDirectory clients, SiteSettingsStore settings, IPracticeClock clock) : PageModel
{
    [BindProperty]
    public InvoiceForm Input { get; set; } = new();

    [BindProperty(SupportsGet = true, Name = "clientId")]
    public Guid? ClientIdFromLink { get; set; }

    public ClientSummary? ChosenClient { get; private set; }

    public IReadOnlyList<string> Currencies { get; private set; } = [];

    public IReadOnlyList<ClientDocumentFile> Pdfs { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var today = await clock.TodayAsync(HttpContext.RequestAborted);
        Input.IssueDate = today;
        Input.DueDate = today.AddDays(30);
        Input.ClientId = ClientIdFromLink;
        await LoadAsync(InvoiceForm.StartingLines);
    }

    /// <summary>Another blank line row, keeping what was typed (the form works without script).</summary>
    public async Task<IActionResult> OnPostAddLineAsync()
    {
        ModelState.Clear();
        await LoadAsync(Input.Lines.Count + 1);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var cancellationToken = HttpContext.RequestAborted;
        ModelState.Clear();
        var client = Input.ClientId is { } id ? await clients.FindAsync(id, cancellationToken)
            : string.IsNullOrWhiteSpace(Input.Client) ? null : await clients.FindByReferenceAsync(Input.Client.Trim(), cancellationToken);
        if (client is null)
        {
            Input.ClientId = null;
            ModelState.AddPortalError(new PortalError("invoice-client-unknown", ErrorKind.Invalid, string.IsNullOrWhiteSpace(Input.Client) ? "Enter the client's external ID or name." : "No client has that external ID or name.", nameof(InvoiceForm.Client)));
        }

        var (draft, errors) = Input.ToDraft(client?.Id ?? Guid.Empty);
        foreach (var error in errors)
        {
            ModelState.AddPortalError(error);
        }

        if (client is not null && errors.Count > 0)
        {
            // The fields that could be read still get their own messages (a due date before the issue date, ...).
            foreach (var error in (await invoices.CheckAsync(draft!, cancellationToken)).Select(Input.Retarget))
            {
                if (!ModelState.TryGetValue(error.Field is { } field ? $"{nameof(Input)}.{field}" : "", out var entry) || entry.Errors.Count == 0)
                {
                    ModelState.AddPortalError(error);
                }
            }
        }

        if (client is not null && errors.Count == 0)
        {
            var saved = await invoices.SaveAsync(draft!, cancellationToken);
            if (saved.Succeeded)
            {
                TempData[TempDataKeys.Status] = $"Invoice {saved.Value!.Number} was created.";
                return RedirectToPage("/Admin/Billing/Invoices/Details", new { id = saved.Value.Id });
            }

            foreach (var error in saved.Errors)
            {
                ModelState.AddPortalError(Input.Retarget(error));
            }
        }

        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        await LoadAsync(Math.Max(Input.Lines.Count, 1));
        return Page();
    }

    private async Task LoadAsync(int lineRows)
    {
        Input.PadRows(lineRows);
        Currencies = (await settings.GetAsync<PaymentSettings>(HttpContext.RequestAborted)).CurrencyList;
        if (Input.ClientId is { } id)
        {
            ChosenClient = await clients.FindAsync(id, HttpContext.RequestAborted);
            Input.ClientId = ChosenClient?.Id;
            Pdfs = ChosenClient is null ? [] : await invoices.PdfChoicesAsync(ChosenClient.Id, HttpContext.RequestAborted);
        }
    }
}
