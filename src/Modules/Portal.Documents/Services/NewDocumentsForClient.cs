using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Contracts;
using Portal.Core.Security;
using Portal.Core.Tenancy;

namespace Portal.Documents.Services;

/// <summary>
/// The documents that are new to a client user (<see cref="DocumentLibrary.NewToClient"/>) in the portal they
/// are working in: all of its clients' for full access, only what is shared with them for a contributor.
/// Nothing while Documents is off for the practice, for staff, or without a current portal. One per request:
/// the navigation badge and the home card ask for the same count, and it is counted once.
/// </summary>
internal sealed class NewDocumentsForClient(TenantContext tenantContext, IClientAccess access, DocumentShares shares, DocumentLibrary library)
{
    private IQueryable<NewToClientRow>? _query;
    private bool _resolved;
    private int? _count;

    /// <summary>The query, or null when the user has no documents to be told about here.</summary>
    public async Task<IQueryable<NewToClientRow>?> QueryAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (!_resolved)
        {
            _query = await ResolveAsync(user, cancellationToken);
            _resolved = true;
        }

        return _query;
    }

    public async Task<int> CountAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
        => _count ??= await QueryAsync(user, cancellationToken) is { } query ? await query.CountAsync(cancellationToken) : 0;

    private async Task<IQueryable<NewToClientRow>?> ResolveAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (!tenantContext.Tenant.IsFeatureEnabled(Manifest.Feature)
            || !user.IsClientUser()
            || user.IdOf() is not { } userId
            || await access.CurrentPortalAsync(user, cancellationToken) is not { Clients.Count: > 0 } portal)
        {
            return null;
        }

        var clientIds = portal.Clients.Select(c => c.Id).ToList();
        switch (portal.Access)
        {
            case ClientAccessLevel.Full:
                return library.NewToClient(clientIds, null);
            case ClientAccessLevel.Contributor:
                return library.NewToClient(clientIds, await shares.SharedWithAsync(userId, clientIds, cancellationToken));
            default:
                return null;
        }
    }
}
