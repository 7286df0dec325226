using System.Globalization;
using System.Security.Claims;
using Portal.Core.Navigation;
using Portal.Core.Tenancy;

namespace Portal.Projects.Services;

/// <summary>Puts "Projects" with their number on a client's admin page, for staff who may see projects.</summary>
internal sealed class ClientProjectsLink(TenantContext tenantContext, ProjectAccess access, ProjectLibrary projects) : IClientRecordLinkProvider
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

        var count = await projects.CountForClientAsync(clientId, cancellationToken);
        var summary = count switch
        {
            0 => "No projects yet: start one for a return or a year-end.",
            1 => "1 project, its status and history.",
            _ => string.Create(CultureInfo.InvariantCulture, $"{count} projects, their status and history."),
        };
        return [new ClientRecordLink("Projects", summary, $"{AdminMenu.ProjectsPath}/clients/{clientId}", 15)];
    }
}
