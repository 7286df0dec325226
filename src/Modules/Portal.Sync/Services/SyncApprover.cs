using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Abstractions;
using Portal.Core.Errors;
using Portal.Core.Security;
using Portal.Identity.Models;
using Portal.Sync.Api;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Portal.Sync.Services;

/// <summary>
/// The staff member who approved a program's connection, judged the same way at a refresh and at every
/// API call: still active staff holding <see cref="Permissions.SyncName"/>. When they are, the program
/// acts as them (their signed-in identity: roles, permissions, kind), so audit rows, "created by" and what
/// they may do are theirs; when they are not, the connection ends.
/// </summary>
internal sealed class SyncApprover(
    UserManager<PortalUser> users,
    IUserClaimsPrincipalFactory<PortalUser> principals,
    IAuthorizationService authorization,
    ConnectedApps connections)
{
    /// <summary>The approver of <paramref name="token"/> signed in as themselves, or why they may no longer act (a 403 problem).</summary>
    public async Task<(ClaimsPrincipal? Approver, PortalError? Refusal)> CheckAsync(ClaimsPrincipal token)
    {
        var user = Guid.TryParse(token.GetClaim(Claims.Subject), out var id) ? await users.FindByIdAsync(id.ToString()) : null;
        if (user is not { Kind: UserKind.Staff, IsDisabled: false })
        {
            return (null, SyncItemErrors.ApproverGone);
        }

        var approver = await principals.CreateAsync(user);
        return (await authorization.AuthorizeAsync(approver, null, new PermissionRequirement(Permissions.SyncName))).Succeeded
            ? (approver, null)
            : (null, SyncItemErrors.ApproverMayNotConnect);
    }

    /// <summary>Revokes the token's connection for <paramref name="refusal"/>; <paramref name="when"/> says at what, for the audit trail.</summary>
    public async Task EndConnectionAsync(ClaimsPrincipal token, string when, PortalError refusal, CancellationToken cancellationToken)
    {
        if (Guid.TryParse(token.GetAuthorizationId(), out var authorizationId))
        {
            var reason = refusal.Message[..refusal.Message.IndexOf(':', StringComparison.Ordinal)];
            await connections.RevokeAsync(authorizationId, $"Ended at {when}: {reason}", cancellationToken);
        }
    }
}
