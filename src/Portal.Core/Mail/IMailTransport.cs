namespace Portal.Core.Mail;

/// <summary>Hands a message to the outside world (SMTP server or pickup folder).</summary>
public interface IMailTransport
{
    Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken);
}

public sealed record OutgoingMail(
    Guid MessageId,
    string FromAddress,
    string FromName,
    string? ReplyTo,
    IReadOnlyList<string> To,
    string Subject,
    string HtmlBody,
    string TextBody);
