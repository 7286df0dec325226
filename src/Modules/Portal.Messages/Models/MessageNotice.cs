namespace Portal.Messages.Models;

/// <summary>
/// The e-mail batch of one recipient on one thread: while <see cref="PendingSince"/> is set, a notice is
/// due at the end of the window and further messages join it instead of sending another e-mail.
/// </summary>
public sealed class MessageNotice
{
    public Guid ThreadId { get; set; }

    /// <summary>The user told; <see cref="Guid.Empty"/> for the practice's contact address (a thread nobody is assigned).</summary>
    public Guid RecipientId { get; set; }

    public DateTime? PendingSince { get; set; }
}
