using Microsoft.EntityFrameworkCore;
using Portal.Identity.Data;

namespace Portal.Identity.Services;

/// <summary>Ends a user's sessions on the server (all of them, or all but the current one); the next request of an ended session is anonymous.</summary>
public sealed class UserSessions(UsersDbContext db)
{
    public Task<int> EndAllAsync(Guid userId, CancellationToken cancellationToken = default)
        => db.Sessions.Where(s => s.UserId == userId).ExecuteDeleteAsync(cancellationToken);

    public Task<int> EndOthersAsync(Guid userId, string keepSessionId, CancellationToken cancellationToken = default)
        => db.Sessions.Where(s => s.UserId == userId && s.Id != keepSessionId).ExecuteDeleteAsync(cancellationToken);
}
