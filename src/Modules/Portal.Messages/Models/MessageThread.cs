namespace Portal.Messages.Models;

/// <summary>
/// A conversation between one client's portal and the practice: a general thread a person started, a
/// Contact us thread (tagged with its reason), or the thread of another module's topic (a project).
/// </summary>
public sealed class MessageThread
{
    public const int SubjectMaxLength = 200;
    public const int TopicKindMaxLength = 50;
    public const int RoleMaxLength = 256;

    /// <summary>The thread of another module's topic, made on its first message (its title as the subject).</summary>
    public static MessageThread ForTopic(Guid clientId, Portal.Core.Contracts.MessageTopic topic, DateTime at) => new()
    {
        Id = Guid.CreateVersion7(),
        ClientId = clientId,
        Kind = MessageThreadKind.Topic,
        TopicKind = topic.Kind,
        TopicId = topic.Id,
        Subject = topic.Title.Length <= SubjectMaxLength ? topic.Title : topic.Title[..SubjectMaxLength],
        CreatedAt = at,
        LastMessageAt = at,
    };

    public Guid Id { get; set; }

    public Guid ClientId { get; set; }

    public MessageThreadKind Kind { get; set; }

    /// <summary>For <see cref="MessageThreadKind.Topic"/>: the owning module's constant (e.g. "project"); with <see cref="TopicId"/>, unique.</summary>
    public string? TopicKind { get; set; }

    public Guid? TopicId { get; set; }

    public string Subject { get; set; } = "";

    /// <summary>For Contact us threads: the reason chosen. A retired reason keeps its row, so old threads keep their tag.</summary>
    public Guid? ReasonId { get; set; }

    /// <summary>The portal user who started it; null when the practice did. Contributors see only the threads they started.</summary>
    public Guid? StartedByUserId { get; set; }

    /// <summary>The staff member who looks after the thread; null when nobody is.</summary>
    public Guid? AssignedUserId { get; set; }

    /// <summary>The staff role the thread was routed to (a Contact us reason may route to a role rather than a person).</summary>
    public string? AssignedRole { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime LastMessageAt { get; set; }

    /// <summary>The last message came from the client's side: the practice owes an answer.</summary>
    public bool LastMessageFromClient { get; set; }

    public int MessageCount { get; set; }
}
