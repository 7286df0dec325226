using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Portal.Core.Navigation;
using Portal.Core.Security;
using Portal.Core.Tenancy;

namespace Portal.Billing.Services;

/// <summary>Puts "Invoices" on a client's admin page for staff who may see payments.</summary>
internal sealed class ClientInvoicesLink(TenantContext tenantContext, IAuthorizationService authorization) : IClientRecordLinkProvider
{
    public async Task<IReadOnlyList<ClientRecordLink>> GetLinksAsync(ClaimsPrincipal user, Guid clientId, CancellationToken cancellationToken)
    {
        if (!tenantContext.Tenant.IsFeatureEnabled(Manifest.Feature)
            || !(await authorization.AuthorizeAsync(user, PermissionPolicyProvider.Prefix + Permissions.ViewPaymentsName)).Succeeded)
        {
            return [];
        }

        return [new ClientRecordLink("Invoices", "Invoices and payments of this client.", $"/admin/billing/invoices?clientId={clientId}", 20)];
    }
}
