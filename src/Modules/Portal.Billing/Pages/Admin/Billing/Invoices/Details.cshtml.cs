using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Billing.Models;
using Portal.Billing.Services;
using Portal.Core.Contracts;
using Portal.Core.Security;

namespace Portal.Billing.Pages.Admin.Billing.Invoices;

[RequirePermission(Permissions.ViewPaymentsName)]
public sealed class InvoiceDetailsModel(InvoiceBook invoices, ClientBilling billing, IClientDirectory clients, IAuthorizationService authorization) : PageModel
{
    public Invoice Invoice { get; private set; } = null!;

    public IReadOnlyList<InvoiceLine> Lines { get; private set; } = [];

    public IReadOnlyList<InvoiceTax> Taxes { get; private set; } = [];

    public IReadOnlyList<(Payment Payment, long Amount)> Payments { get; private set; } = [];

    /// <summary>The invoice's PDF: its name and the Documents download's address (which checks access itself).</summary>
    public (string Name, string Path)? Pdf { get; private set; }

    public string ClientName { get; private set; } = "";

    public bool CanTake { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var cancellationToken = HttpContext.RequestAborted;
        if (await invoices.FindAsync(id, cancellationToken) is not { } invoice)
        {
            return NotFound();
        }

        Invoice = invoice;
        (Lines, Taxes) = await invoices.DetailsAsync(id, cancellationToken);
        Payments = await billing.AllocationsAsync(id, cancellationToken);
        ClientName = (await clients.FindAsync(invoice.ClientId, cancellationToken))?.Name ?? "(removed client)";
        CanTake = (await authorization.AuthorizeAsync(User, PermissionPolicyProvider.Prefix + Permissions.TakePaymentsName)).Succeeded;
        Pdf = await invoices.PdfLinkAsync(HttpContext, Invoice, HttpContext.RequestAborted);

        return Page();
    }
}
