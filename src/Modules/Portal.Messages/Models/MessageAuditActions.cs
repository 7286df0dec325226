namespace Portal.Messages.Models;

/// <summary>Audit actions of the messages module.</summary>
public static class MessageAuditActions
{
    public const string ThreadStarted = "messages.thread.started";
    public const string ContactSent = "messages.contact.sent";
    public const string Posted = "messages.posted";
    public const string Assigned = "messages.thread.assigned";
    public const string AttachmentDownloaded = "messages.attachment.downloaded";
    public const string ReasonAdded = "messages.reason.added";
    public const string ReasonChanged = "messages.reason.changed";
    public const string ReasonRetired = "messages.reason.retired";
    public const string ReasonRestored = "messages.reason.restored";
    public const string ReasonsReordered = "messages.reason.reordered";
}
