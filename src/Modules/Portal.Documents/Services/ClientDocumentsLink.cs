using System.Globalization;
using System.Security.Claims;
using Portal.Core.Navigation;
using Portal.Core.Tenancy;

namespace Portal.Documents.Services;

/// <summary>Puts "Documents" with the count of new files on a client's admin page.</summary>
internal sealed class ClientDocumentsLink(TenantContext tenantContext, DocumentAccess access, DocumentLibrary library) : IClientRecordLinkProvider
{
    public async Task<IReadOnlyList<ClientRecordLink>> GetLinksAsync(ClaimsPrincipal user, Guid clientId, CancellationToken cancellationToken)
    {
        if (!tenantContext.Tenant.IsFeatureEnabled(Manifest.Feature))
        {
            return [];
        }

        var rights = await access.ForClientAsync(user, clientId, cancellationToken);
        if (!rights.IsStaff || !rights.CanView)
        {
            return [];
        }

        var fresh = await library.NewFileCountAsync(clientId, cancellationToken);
        var summary = fresh switch
        {
            0 => "All files both ways, folders, sending files and notes.",
            1 => "1 new file from the client.",
            _ => string.Create(CultureInfo.InvariantCulture, $"{fresh} new files from the client."),
        };
        return [new ClientRecordLink("Documents", summary, $"/admin/documents/clients/{clientId}", 10)];
    }
}
