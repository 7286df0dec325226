namespace Portal.Core.Contracts;

/// <summary>
/// Version numbers for practice data that servers keep copies of between requests (sessions, who may
/// see which client). A module keys its copies on <see cref="CurrentAsync"/> and calls
/// <see cref="BumpAsync"/> after every committed change to that data: this server retires its copies
/// at once (the next request reads the change) and the others on PostgreSQL's notification, or their
/// next poll of the host store where there are no notifications (SQLite, a single server).
/// Bump after the commit, never before: a server that reloads between a bump and its commit would
/// keep the old rows under the new number.
/// </summary>
public interface IPracticeDataVersions
{
    ValueTask<long> CurrentAsync(Guid practiceId, string area, CancellationToken cancellationToken = default);

    Task BumpAsync(Guid practiceId, string area, CancellationToken cancellationToken = default);

    /// <summary>
    /// A number that grows with every committed change to any of the practice's data (every area,
    /// and every write to its tables outside the declared areas) or settings: the key of copies made
    /// from all of it, such as whole pages. Equal stamps mean this server has learnt of no change between
    /// them; stamps of different servers are not comparable. Writes outside the declared areas grow it
    /// here at once and reach the other servers moments later (they are too frequent to wait for).
    /// </summary>
    ValueTask<long> StampAsync(Guid practiceId, CancellationToken cancellationToken = default);
}
