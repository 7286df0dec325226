namespace Portal.Messages.Models;

/// <summary>One message of a thread: plain text (shown encoded, never as markup) and its files.</summary>
public sealed class Message
{
    /// <summary>A long letter fits; a pasted megabyte does not (refused at the field).</summary>
    public const int TextMaxLength = 20_000;
    public const int AuthorNameMaxLength = 320;

    public Guid Id { get; set; }

    public Guid ThreadId { get; set; }

    /// <summary>Null for the system (a recipe, a job).</summary>
    public Guid? AuthorUserId { get; set; }

    public string AuthorName { get; set; } = "";

    public bool FromClient { get; set; }

    public string Text { get; set; } = "";

    public DateTime CreatedAt { get; set; }
}
