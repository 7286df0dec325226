using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Billing.Models;
using Portal.Billing.Services;
using Portal.Core.Contracts;
using Portal.Core.Security;
using Portal.Core.Theming;

namespace Portal.Billing.Pages.Billing;

/// <summary>A client user's invoices and the payments received from them, for the clients of their current portal.</summary>
[Authorize]
[ClientSwitch(ClientSiteSwitch.Billing)]
public sealed class ClientInvoicesModel(ClientBilling billing, IClientAccess access) : PageModel
{
    public IReadOnlyList<ClientSummary> Clients { get; private set; } = [];

    public IReadOnlyList<Invoice> Invoices { get; private set; } = [];

    public IReadOnlyList<Payment> Payments { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (User.IsStaffUser())
        {
            return RedirectToPage("/Admin/Billing/Invoices/Index");
        }

        if (await access.CurrentPortalAsync(User, HttpContext.RequestAborted) is null)
        {
            return RedirectToPage("/Portals/Choose");
        }

        Clients = await billing.ClientsAsync(User, HttpContext.RequestAborted);
        Invoices = await billing.InvoicesAsync(Clients, HttpContext.RequestAborted);
        Payments = await billing.PaymentsAsync(Clients, HttpContext.RequestAborted);
        return Page();
    }

    public string ClientName(Guid clientId) => Clients.FirstOrDefault(c => c.Id == clientId)?.Name ?? "";
}
