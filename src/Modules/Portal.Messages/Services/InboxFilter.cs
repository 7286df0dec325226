namespace Portal.Messages.Services;

/// <summary>What the staff inbox shows: whose threads, which reason, which client, only unread ones.</summary>
public sealed record InboxFilter(InboxShow Show = InboxShow.All, Guid? ReasonId = null, Guid? ClientId = null, bool UnreadOnly = false);

public enum InboxShow
{
    All,

    /// <summary>Assigned to nobody and routed to no role.</summary>
    Unassigned,

    /// <summary>Assigned to the staff member, or routed to one of their roles and not taken by someone.</summary>
    Mine,
}
