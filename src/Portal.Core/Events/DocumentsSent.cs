namespace Portal.Core.Events;

/// <summary>
/// Files were announced to the other side (a batch complete, or its fallback notice): to the
/// client's portal users, or, when <paramref name="FromClient"/>, to the practice.
/// </summary>
public sealed record DocumentsSent(Guid ClientId, Guid? BatchId, IReadOnlyList<Guid> VersionIds, bool FromClient) : IDomainEvent
{
    public static string EventType => "documents.sent";
}
