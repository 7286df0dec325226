using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Billing.Models;
using Portal.Billing.Services;
using Portal.Core.Contracts;
using Portal.Core.Security;

namespace Portal.Billing.Pages.Billing;

/// <summary>One invoice as the client sees it; another client's, another practice's or a void one is "not found".</summary>
[Authorize]
public sealed class ClientInvoiceModel(ClientBilling billing, InvoiceBook invoices) : PageModel
{
    public Invoice Invoice { get; private set; } = null!;

    public IReadOnlyList<InvoiceLine> Lines { get; private set; } = [];

    public IReadOnlyList<InvoiceTax> Taxes { get; private set; } = [];

    public IReadOnlyList<(Payment Payment, long Amount)> Payments { get; private set; } = [];

    /// <summary>The invoice's PDF: its name and the Documents download's address (which checks access itself).</summary>
    public (string Name, string Path)? Pdf { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (User.IsStaffUser())
        {
            return RedirectToPage("/Admin/Billing/Invoices/Details", new { id });
        }

        if (await billing.InvoiceAsync(User, id, HttpContext.RequestAborted) is not { } invoice)
        {
            return NotFound();
        }

        Invoice = invoice;
        (Lines, Taxes) = await invoices.DetailsAsync(id, HttpContext.RequestAborted);
        Payments = await billing.AllocationsAsync(id, HttpContext.RequestAborted);
        if (await invoices.PdfAsync(Invoice.ClientId, Invoice.DocumentId, HttpContext.RequestAborted) is { } pdf
            && HttpContext.RequestServices.GetService(typeof(IClientDocumentFiles)) is IClientDocumentFiles files
            && files.DownloadPath(HttpContext, pdf.VersionId) is { } path)
        {
            Pdf = (pdf.Name, path);
        }

        return Page();
    }
}
