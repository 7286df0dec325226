using System.Security.Claims;
using Portal.Core.Navigation;

namespace Portal.Messages.Services;

/// <summary>The client's Messages entry: threads of their portal with a message they have not read.</summary>
internal sealed class UnreadMessagesCount(ThreadAccess access, MessageReading reading) : INavigationCount
{
    public string Path => ClientNav.MessagesPath;

    public string Meaning => "unread conversations";

    public async Task<int> CountAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
        => await access.ForPortalUserAsync(user, cancellationToken) is { } view
            ? await reading.UnreadThreadsAsync(access.Visible(view), view.UserId, cancellationToken)
            : 0;
}
