using System.Security.Claims;
using Microsoft.AspNetCore;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using Portal.Sync.Models;

namespace Portal.Sync.Services;

/// <summary>
/// Keeps, with a device authorization request's codes, the name the machine gave and the address it asked
/// from: the person who types the user code sees them, as on the consent page of the browser flow.
/// </summary>
internal sealed class DeviceRequestDetails : IOpenIddictServerHandler<OpenIddictServerEvents.HandleDeviceAuthorizationRequestContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; }
        = OpenIddictServerHandlerDescriptor.CreateBuilder<OpenIddictServerEvents.HandleDeviceAuthorizationRequestContext>()
            .UseSingletonHandler<DeviceRequestDetails>()
            .SetOrder(int.MinValue + 50_000)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public ValueTask HandleAsync(OpenIddictServerEvents.HandleDeviceAuthorizationRequestContext context)
    {
        ArgumentNullException.ThrowIfNull(context);

        // No authentication type: nobody has signed in yet (as OpenIddict's own default principal).
        var identity = new ClaimsIdentity();
        identity.SetClaim(SyncClaims.DeviceName, SyncDeviceName.Clean((string?)context.Request[SyncDeviceName.Parameter]));
        if (context.Transaction.GetHttpRequest()?.HttpContext.Connection.RemoteIpAddress is { } ip)
        {
            identity.SetClaim(SyncClaims.DeviceIp, ip.ToString());
        }

        var principal = new ClaimsPrincipal(identity);
        principal.SetScopes(context.Request.GetScopes());
        context.Principal = principal;
        return ValueTask.CompletedTask;
    }
}
