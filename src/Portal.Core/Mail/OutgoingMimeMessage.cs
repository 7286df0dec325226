using MimeKit;

namespace Portal.Core.Mail;

/// <summary>
/// The MIME message both transports send: UTF-8 text and HTML alternatives, the practice as the
/// sender's display name, and a Message-Id made from the outbox id, so a send that is repeated
/// (the job ran again after a crash) carries the same id and receivers can tell it is one message.
/// </summary>
internal static class OutgoingMimeMessage
{
    public const string OutboxIdHeader = "X-Portal-Message-Id";

    public static MimeMessage Create(OutgoingMail mail)
    {
        var message = new MimeMessage();
        var from = new MailboxAddress(mail.FromName, mail.FromAddress);
        message.From.Add(from);
        foreach (var to in mail.To)
        {
            message.To.Add(MailboxAddress.Parse(to));
        }

        if (mail.ReplyTo is not null)
        {
            message.ReplyTo.Add(MailboxAddress.Parse(mail.ReplyTo));
        }

        message.Subject = mail.Subject;
        message.MessageId = $"{mail.MessageId:N}@{from.Domain}";
        message.Headers.Add(OutboxIdHeader, mail.MessageId.ToString());
        message.Body = new BodyBuilder { TextBody = mail.TextBody, HtmlBody = mail.HtmlBody }.ToMessageBody();
        return message;
    }
}
