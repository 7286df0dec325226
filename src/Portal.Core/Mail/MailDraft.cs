namespace Portal.Core.Mail;

/// <summary>A composed e-mail ready to queue.</summary>
public sealed record MailDraft(IReadOnlyList<string> To, string Subject, string HtmlBody, string TextBody, string? Template = null)
{
    /// <summary>
    /// Values in the bodies that only the recipient may hold, such as a one-time link's token. The
    /// outbox keeps them sealed apart from the stored copy, which shows them masked: staff who can read
    /// the Outbox must not be able to use a client's set-password or reset link.
    /// </summary>
    public IReadOnlyList<string> Secrets { get; init; } = [];

    /// <summary>
    /// The outbox id to store the message under, when the sender derives it from what the message is about
    /// (a payment's receipt): queueing the same id again is a no-op, so a retried event sends one message.
    /// Null: a new id.
    /// </summary>
    public Guid? Id { get; init; }

    /// <summary>This draft with <paramref name="secret"/> (which must appear in its bodies) kept from stored copies.</summary>
    public MailDraft WithSecret(string secret) => this with { Secrets = [.. Secrets, secret] };
}
