using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Portal.Core.Contracts;
using Portal.Core.Security;
using Portal.Documents.Models;

namespace Portal.Documents.Services;

/// <summary>
/// Who may do what with a client's documents. Staff follow their permissions; full-access portal
/// users see all of the client's documents and upload to its top level and upload folders;
/// contributors see, and upload into, only what is shared with them. Anything else is "not found".
/// </summary>
public sealed class DocumentAccess(IClientAccess clients, IAuthorizationService authorization, DocumentShares shares)
{
    public async Task<ClientDocumentRights> ForClientAsync(ClaimsPrincipal user, Guid clientId, CancellationToken cancellationToken = default)
    {
        var level = await clients.ForClientAsync(user, clientId, cancellationToken);
        switch (level)
        {
            case ClientAccessLevel.Staff:
                var view = await HasAsync(user, Permissions.ViewDocuments.Name);
                return new ClientDocumentRights(clientId, level, view, view && await HasAsync(user, Permissions.SendDocuments.Name), view && await HasAsync(user, Permissions.ManageDocuments.Name), null);
            case ClientAccessLevel.Full:
                return new ClientDocumentRights(clientId, level, true, false, false, null);
            case ClientAccessLevel.Contributor:
                return new ClientDocumentRights(clientId, level, true, false, false, await shares.SharedWithAsync(user.IdOf()!.Value, clientId, cancellationToken));
            default:
                return ClientDocumentRights.None(clientId);
        }
    }

    private async Task<bool> HasAsync(ClaimsPrincipal user, string permission)
        => (await authorization.AuthorizeAsync(user, null, new PermissionRequirement(permission))).Succeeded;
}

/// <summary>What one user may do with one client's documents.</summary>
public sealed record ClientDocumentRights(Guid ClientId, ClientAccessLevel Level, bool CanView, bool CanSend, bool CanManage, SharedItems? Shared)
{
    public static ClientDocumentRights None(Guid clientId) => new(clientId, ClientAccessLevel.None, false, false, false, null);

    public bool IsStaff => Level == ClientAccessLevel.Staff;

    public bool IsClientUser => Level is ClientAccessLevel.Full or ClientAccessLevel.Contributor;

    /// <summary>Contributors see only shared items; everyone else who can view sees all that has a version for their side (see ScanVisibility).</summary>
    public bool CanSee(Document document)
        => CanView && document.VersionFor(IsStaff) is not null && (Shared is null || Shared.Documents.Contains(document.Id) || (document.FolderId is { } folder && Shared.Folders.Contains(folder)));

    public bool CanSeeFolder(Guid folderId) => CanView && (Shared is null || Shared.Folders.Contains(folderId));

    /// <summary>Where this user may put files: staff anywhere (with the permission); client users at the
    /// top level (full access only) and in folders open to uploads they can see.</summary>
    public bool CanUploadTo(Folder? folder)
        => IsStaff ? CanSend
            : IsClientUser && (folder is null ? Level == ClientAccessLevel.Full : folder.ClientCanUpload && CanSeeFolder(folder.Id));
}

public sealed record SharedItems(IReadOnlySet<Guid> Documents, IReadOnlySet<Guid> Folders);
