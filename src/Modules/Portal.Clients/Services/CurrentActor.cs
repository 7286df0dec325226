using Microsoft.AspNetCore.Http;
using Portal.Core.Security;

namespace Portal.Clients.Services;

/// <summary>The signed-in user's id for "created by" columns; null in recipes and jobs.</summary>
public sealed class CurrentActor(IHttpContextAccessor accessor)
{
    public Guid? Id => accessor.HttpContext is { } context ? context.User.IdOf() : null;
}
