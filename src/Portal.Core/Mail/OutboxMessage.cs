namespace Portal.Core.Mail;

/// <summary>An e-mail the practice sends, kept so staff can see what went out and when.</summary>
public sealed class OutboxMessage
{
    public Guid Id { get; set; }

    /// <summary>Comma-separated addresses.</summary>
    public string To { get; set; } = "";

    public string Subject { get; set; } = "";

    public string HtmlBody { get; set; } = "";

    public string TextBody { get; set; } = "";

    /// <summary>
    /// The draft's secrets, sealed (<see cref="OutboxSecrets"/>), until the message is sent; the bodies
    /// hold markers in their place. Null once sent, or when the message had none.
    /// </summary>
    public string? SealedSecrets { get; set; }

    /// <summary>The template that produced it, for filtering.</summary>
    public string? Template { get; set; }

    public OutboxState State { get; set; }

    public int Attempts { get; set; }

    public string? LastError { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? SentAt { get; set; }
}

public enum OutboxState
{
    Pending,
    Sent,
    Failed,
}
