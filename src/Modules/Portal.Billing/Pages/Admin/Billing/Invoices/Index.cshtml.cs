using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Billing.Models;
using Portal.Billing.Services;
using Portal.Core.Contracts;
using Portal.Core.Security;

namespace Portal.Billing.Pages.Admin.Billing.Invoices;

[RequirePermission(Permissions.ViewPaymentsName)]
public sealed class InvoicesModel(InvoiceList list, IClientDirectory clients, IAuthorizationService authorization) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid? ClientId { get; set; }

    [BindProperty(SupportsGet = true)]
    public InvoiceStatus? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? After { get; set; }

    public KeysetPage<Invoice> Invoices { get; private set; } = new([], null);

    public IReadOnlyDictionary<Guid, ClientSummary> Clients { get; private set; } = new Dictionary<Guid, ClientSummary>();

    public ClientSummary? Client { get; private set; }

    public bool CanTake { get; private set; }

    public async Task OnGetAsync()
    {
        var cancellationToken = HttpContext.RequestAborted;
        if (ClientId is { } id)
        {
            Client = await clients.FindAsync(id, cancellationToken);
        }

        Invoices = await list.PageAsync(ClientId, Status, After, cancellationToken);
        Clients = await clients.FindManyAsync(Invoices.Items.Select(i => i.ClientId), cancellationToken);
        CanTake = (await authorization.AuthorizeAsync(User, PermissionPolicyProvider.Prefix + Permissions.TakePaymentsName)).Succeeded;
    }

    public string ClientName(Guid clientId) => Clients.TryGetValue(clientId, out var client) ? client.Name : "(removed client)";
}
