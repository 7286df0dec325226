using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Routing;
using Portal.Core.Navigation;
using Portal.Core.Security;
using Portal.Core.Tenancy;

namespace Portal.Projects.Services;

/// <summary>
/// The client home's "Projects" card (position 40: after what is asked of the client and what is new):
/// each project with its status, those waiting on the client marked as needing attention.
/// </summary>
internal sealed class ProjectsCard(TenantContext tenantContext, ClientProjects projects, LinkGenerator links) : IClientDashboardCardProvider
{
    public const int Position = 40;
    public const int MaxLines = 5;

    public async Task<IReadOnlyList<ClientDashboardCard>> GetCardsAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (!tenantContext.Tenant.IsFeatureEnabled(Manifest.Feature) || !user.IsClientUser())
        {
            return [];
        }

        var list = await projects.ListAsync(user, cancellationToken);
        if (list.Count == 0)
        {
            return [];
        }

        var waiting = list.Count(p => p.Status.WaitingOnClient);
        var summary = (list.Count == 1 ? "1 project" : string.Create(CultureInfo.InvariantCulture, $"{list.Count} projects"))
            + (waiting == 0 ? "" : string.Create(CultureInfo.InvariantCulture, $" · {waiting} waiting on you"));
        var lines = list.Take(MaxLines)
            .Select(p => new ClientDashboardLine(p.Project.Name, links.GetPathByPage("/Projects/Details", values: new { id = p.Project.Id }) ?? ClientNav.ProjectsPath, p.Status.Name, p.Status.WaitingOnClient))
            .ToList();
        return [new ClientDashboardCard("Projects", summary, ClientNav.ProjectsPath, Position) { Lines = lines }];
    }
}
