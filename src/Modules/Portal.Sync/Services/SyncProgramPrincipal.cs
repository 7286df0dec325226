using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using OpenIddict.Abstractions;
using Portal.Core.Security;
using Portal.Identity.Models;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Portal.Sync.Services;

/// <summary>
/// Who the program is inside the modules it calls: the staff member who approved it (their id, so records
/// say who connected it), marked as the program, holding exactly the permissions the sync scope gives
/// (see clients, send and organise their files). A token carries neither a session's kind nor roles, and
/// the Clients and Documents services decide access from those; this filter gives them that for the
/// sync API's data endpoints.
/// </summary>
public static class SyncProgramPrincipal
{
    public const string AuthenticationType = "portal-sync";

    public static readonly IReadOnlyList<string> Permissions =
    [
        Portal.Clients.Permissions.ViewClientsName,
        Portal.Documents.Permissions.ViewDocumentsName,
        Portal.Documents.Permissions.SendDocumentsName,
        Portal.Documents.Permissions.ManageDocumentsName,
    ];

    public static ClaimsPrincipal For(ClaimsPrincipal token)
    {
        var name = $"{token.GetClaim(Claims.Name)} (portal-sync)";
        var identity = new ClaimsIdentity(AuthenticationType, ClaimTypes.Name, ClaimTypes.Role);
        identity.AddClaim(new Claim(ClaimTypes.NameIdentifier, token.GetClaim(Claims.Subject) ?? ""));
        identity.AddClaim(new Claim(ClaimTypes.Name, name));
        identity.AddClaim(new Claim(PortalPrincipal.DisplayNameClaim, name));
        identity.AddClaim(new Claim(PortalPrincipal.KindClaim, PortalPrincipal.StaffKind));
        foreach (var permission in Permissions)
        {
            identity.AddClaim(new Claim(PortalClaimTypes.Permission, permission));
        }

        return new ClaimsPrincipal(identity);
    }

    /// <summary>An endpoint filter: the rest of the request acts as <see cref="For"/> the token's principal.</summary>
    public static ValueTask<object?> ActAsProgramAsync(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next)
    {
        invocation.HttpContext.User = For(invocation.HttpContext.User);
        return next(invocation);
    }
}
