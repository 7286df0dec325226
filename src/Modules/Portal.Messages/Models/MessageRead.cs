namespace Portal.Messages.Models;

/// <summary>How far one person has read a thread: messages after <see cref="ReadUpTo"/> are unread for them.</summary>
public sealed class MessageRead
{
    public Guid ThreadId { get; set; }

    public Guid UserId { get; set; }

    public DateTime ReadUpTo { get; set; }
}
