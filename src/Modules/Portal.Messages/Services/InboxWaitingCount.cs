using System.Security.Claims;
using Portal.Core.Navigation;
using Portal.Core.Security;

namespace Portal.Messages.Services;

/// <summary>The staff inbox's entry: client messages waiting on this staff member (theirs or nobody's, unread).</summary>
internal sealed class InboxWaitingCount(StaffInbox inbox) : INavigationCount
{
    public string Path => AdminMenu.InboxPath;

    public string Meaning => "conversations waiting for you";

    public Task<int> CountAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
        => user.IsStaffUser() ? inbox.WaitingCountAsync(user, cancellationToken) : Task.FromResult(0);
}
