namespace Portal.Core.Events;

/// <summary>
/// A project's status was posted (from the staff pages or, later, the desktop sync API), with the ids
/// the practice's software knows it by, for the change feed. The note is not carried: it is staff's and
/// reaches the client only as the message it may have been posted as.
/// </summary>
public sealed record ProjectStatusChanged(
    Guid ProjectId,
    Guid ClientId,
    string? ProjectExternalId,
    Guid? FromStatusId,
    Guid ToStatusId,
    string ToStatusName,
    Guid ChangeId,
    DateTime At) : IDomainEvent
{
    public static string EventType => "projects.status-changed";
}
