using System.Security.Claims;
using Microsoft.AspNetCore.Http;

namespace Portal.Core.Security;

/// <summary>The actor of the current request (from the claims Identity issues), or the system outside a request.</summary>
public sealed class RequestActor(IHttpContextAccessor accessor) : ICurrentActor
{
    public Actor Actor
    {
        get
        {
            if (accessor.HttpContext is not { } context)
            {
                return Actor.System;
            }

            var user = context.User;
            var ip = context.Connection.RemoteIpAddress?.ToString();
            if (user.IdOf() is not { } id)
            {
                return new Actor(ActorKind.Anonymous, null, null, ip);
            }

            var kind = user.IsStaffUser() ? ActorKind.Staff : ActorKind.PortalUser;
            return new Actor(kind, id, user.FindFirstValue(ClaimTypes.Email) ?? user.FindFirstValue(ClaimTypes.Name), ip);
        }
    }
}
