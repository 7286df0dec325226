using System.Security.Claims;
using Portal.Core.Contracts;
using Portal.Projects.Models;

namespace Portal.Projects.Services;

/// <summary>A project as a client user sees it: with its client's name and its status.</summary>
public sealed record ClientProject(Project Project, string ClientName, ProjectStatus Status);

/// <summary>
/// The projects a client user may see in the portal they are working in: all of the portal's clients'
/// projects with full access; with contributor access, those with a file shared with them
/// (<see cref="ProjectAccess"/>). What is waiting on the client comes first, then the latest changed.
/// </summary>
public sealed class ClientProjects(IClientAccess clients, ProjectAccess access, ProjectLibrary projects, ProjectStatusList statuses)
{
    public async Task<IReadOnlyList<ClientProject>> ListAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        if (await clients.CurrentPortalAsync(user, cancellationToken) is not { } portal || portal.Clients.Count == 0)
        {
            return [];
        }

        var names = portal.Clients.ToDictionary(c => c.Id, c => c.Name);
        var all = await projects.ForClientsAsync(names.Keys, cancellationToken);
        var list = (await statuses.ListAsync(includeRetired: true, cancellationToken)).ToDictionary(s => s.Id);
        var visible = new List<ClientProject>();
        var rights = new Dictionary<Guid, ProjectRights>();
        foreach (var project in all)
        {
            if (!rights.TryGetValue(project.ClientId, out var clientRights))
            {
                clientRights = rights[project.ClientId] = await access.ForClientAsync(user, project.ClientId, cancellationToken);
            }

            if (!clientRights.IsStaff && await access.CanSeeAsync(user, clientRights, project, cancellationToken))
            {
                visible.Add(new ClientProject(project, names[project.ClientId], list[project.StatusId]));
            }
        }

        return visible.OrderByDescending(p => p.Status.WaitingOnClient).ThenByDescending(p => p.Project.UpdatedAt).ToList();
    }
}
