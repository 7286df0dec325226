using System.Security.Claims;
using Portal.Core.Security;

namespace Portal.Messages.Services;

/// <summary>Who writes a message: a signed-in person of either side, or the system (a recipe).</summary>
public sealed record MessageAuthor(Guid? UserId, string Name, bool FromClient)
{
    public static MessageAuthor Of(ClaimsPrincipal user) => new(user.IdOf(), user.DisplayNameOf(), user.IsClientUser());
}
