using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Billing.Models;
using Portal.Billing.Services;
using Portal.Core.Contracts;
using Portal.Core.Security;

namespace Portal.Billing.Pages.Admin.Billing.Payments;

[RequirePermission(Permissions.ViewPaymentsName)]
public sealed class PaymentsModel(InvoiceList list, IClientDirectory clients, IAuthorizationService authorization) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid? ClientId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? After { get; set; }

    public KeysetPage<Payment> Payments { get; private set; } = new([], null);

    public IReadOnlyDictionary<Guid, ClientSummary> Clients { get; private set; } = new Dictionary<Guid, ClientSummary>();

    public bool CanTake { get; private set; }

    public async Task OnGetAsync()
    {
        var cancellationToken = HttpContext.RequestAborted;
        Payments = await list.PaymentsAsync(ClientId, After, cancellationToken);
        Clients = await clients.FindManyAsync(Payments.Items.Select(p => p.ClientId), cancellationToken);
        CanTake = (await authorization.AuthorizeAsync(User, PermissionPolicyProvider.Prefix + Permissions.TakePaymentsName)).Succeeded;
    }

    public string ClientName(Guid clientId) => Clients.TryGetValue(clientId, out var client) ? client.Name : "(removed client)";
}
