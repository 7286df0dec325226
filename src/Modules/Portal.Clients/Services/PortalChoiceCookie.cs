using Microsoft.AspNetCore.Http;
using Portal.Core.Security;

namespace Portal.Clients.Services;

/// <summary>
/// Remembers which portal a client user chose (a <see cref="PracticeCookies"/> cookie, so it cannot be
/// forged, moved to another practice or used by another person on the same browser). It is only a
/// preference: every read is checked against the user's current memberships by <see cref="ClientAccess"/>.
/// </summary>
public sealed class PortalChoiceCookie(PracticeCookies cookies, IHttpContextAccessor accessor)
{
    public const string Name = "portal.choice";
    private const string Purpose = "Portal.Clients.PortalChoice";
    private static readonly TimeSpan Lifetime = TimeSpan.FromDays(90);

    public Guid? Read(Guid userId)
        => accessor.HttpContext is { } context && Guid.TryParse(cookies.Read(context, Name, Purpose, userId), out var portalId) ? portalId : null;

    public void Write(Guid userId, Guid portalId)
        => cookies.Write(accessor.HttpContext ?? throw new InvalidOperationException("The portal choice is remembered for a request."), Name, Purpose, userId, portalId.ToString(), Lifetime);

    public void Clear()
    {
        if (accessor.HttpContext is { } context)
        {
            cookies.Delete(context, Name);
        }
    }
}
