namespace Portal.SecureMail.Models;

/// <summary>A reply the recipient wrote on the unlocked page; its text is encrypted at rest like the message's.</summary>
public sealed class SecureMessageReply
{
    public const int BodyMaxLength = 20_000;

    public Guid Id { get; set; }

    public Guid MessageId { get; set; }

    public DateTime CreatedAt { get; set; }

    public string? Ip { get; set; }

    /// <summary>The text, sealed by <see cref="Services.SecureMessageSealing"/>.</summary>
    public string SealedBody { get; set; } = "";
}
