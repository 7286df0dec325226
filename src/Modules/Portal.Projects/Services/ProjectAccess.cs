using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Portal.Core.Contracts;
using Portal.Core.Security;
using Portal.Projects.Models;

namespace Portal.Projects.Services;

/// <summary>
/// Who may see and change a client's projects. Staff follow their permissions; full-access portal
/// users see all of the client's projects; a contributor sees a project only when they can see at
/// least one of the files in its folder (the folder, or a file in it, was shared with them): the
/// documents module decides shares, and an empty or unshared folder tells a contributor nothing.
/// </summary>
public sealed class ProjectAccess(IClientAccess clients, IAuthorizationService authorization, IClientFolders folders)
{
    public async Task<ProjectRights> ForClientAsync(ClaimsPrincipal user, Guid clientId, CancellationToken cancellationToken = default)
    {
        var level = await clients.ForClientAsync(user, clientId, cancellationToken);
        switch (level)
        {
            case ClientAccessLevel.Staff:
                var view = await HasAsync(user, Permissions.ViewProjectsName);
                return new ProjectRights(level, view, view && await HasAsync(user, Permissions.ManageProjectsName));
            case ClientAccessLevel.Full:
            case ClientAccessLevel.Contributor:
                return new ProjectRights(level, true, false);
            default:
                return ProjectRights.None;
        }
    }

    /// <summary>Whether <paramref name="user"/>, holding <paramref name="rights"/> on the project's client, may see this project.</summary>
    public async Task<bool> CanSeeAsync(ClaimsPrincipal user, ProjectRights rights, Project project, CancellationToken cancellationToken = default)
        => rights.CanView
            && (rights.Level != ClientAccessLevel.Contributor
                || (await folders.FilesAsync(user, project.ClientId, project.FolderId, 1, cancellationToken)).Count > 0);

    public async Task<bool> HasAsync(ClaimsPrincipal user, string permission)
        => (await authorization.AuthorizeAsync(user, null, new PermissionRequirement(permission))).Succeeded;
}

/// <summary>What one user may do with one client's projects.</summary>
public sealed record ProjectRights(ClientAccessLevel Level, bool CanView, bool CanManage)
{
    public static readonly ProjectRights None = new(ClientAccessLevel.None, false, false);

    public bool IsStaff => Level == ClientAccessLevel.Staff;
}
