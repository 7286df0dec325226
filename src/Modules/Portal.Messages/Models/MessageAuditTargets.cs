namespace Portal.Messages.Models;

/// <summary>Audit target types of the messages module.</summary>
public static class MessageAuditTargets
{
    public const string Thread = "message-thread";

    public const string Reason = "contact-reason";
}
