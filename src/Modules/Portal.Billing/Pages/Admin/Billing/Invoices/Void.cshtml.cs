using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Billing.Models;
using Portal.Billing.Services;
using Portal.Core.Errors;
using Portal.Core.Navigation;
using Portal.Core.Security;

namespace Portal.Billing.Pages.Admin.Billing.Invoices;

[RequirePermission(Permissions.TakePaymentsName)]
public sealed class VoidInvoiceModel(InvoiceBook invoices) : PageModel
{
    [BindProperty]
    public VoidForm Input { get; set; } = new();

    public Invoice Invoice { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await invoices.FindAsync(id, HttpContext.RequestAborted) is not { } invoice)
        {
            return NotFound();
        }

        Invoice = invoice;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (await invoices.FindAsync(id, HttpContext.RequestAborted) is not { } invoice)
        {
            return NotFound();
        }

        Invoice = invoice;
        var error = await invoices.VoidAsync(id, Input.Reason ?? "", HttpContext.RequestAborted);
        if (error is null)
        {
            TempData[TempDataKeys.Status] = $"Invoice {invoice.Number} is void.";
            return RedirectToPage("/Admin/Billing/Invoices/Details", new { id });
        }

        ModelState.AddPortalError(error);
        Response.StatusCode = error.Kind == ErrorKind.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    public sealed class VoidForm
    {
        public string? Reason { get; set; }
    }
}
