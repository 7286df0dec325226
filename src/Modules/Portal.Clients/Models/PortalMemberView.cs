using Portal.Core.Contracts;

namespace Portal.Clients.Models;

/// <summary>A portal user as the portal's page shows them: the membership, the account (null if it was deleted) and whether access has ended.</summary>
public sealed record PortalMemberView(PortalMember Member, PortalUserInfo? User, bool Expired)
{
    public string DisplayName => User?.DisplayName ?? "(deleted user)";

    public string Email => User?.Email ?? "";
}
