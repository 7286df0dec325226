using Portal.Core.Mail;

namespace Portal.Messages.Services;

/// <summary>The module's one e-mail: a message is waiting. It says where, never what.</summary>
public static class MessageMailTemplates
{
    public const string WaitingName = "messages.waiting";

    public static readonly MailTemplateDefinition Waiting = new(
        WaitingName,
        "Messages: a message is waiting",
        "Sent at most once a minute per conversation to each person on the other side when new messages arrive. It holds a link, never the message.",
        "You have a new secure message from {{ practiceName }}",
        """
        <p>Hello{% if name != "" %} {{ name }}{% endif %},</p>
        <p>A new secure message is waiting for you in the portal of {{ practiceName }}. For your privacy, messages are not sent by e-mail.</p>
        <p><a href="{{ link }}" style="display:inline-block;padding:10px 18px;border-radius:6px;background:{{ brandColor }};color:#ffffff;text-decoration:none;font-weight:600">Read the message</a></p>
        """,
        """
        Hello{% if name != "" %} {{ name }}{% endif %},

        A new secure message is waiting for you in the portal of {{ practiceName }}. For your privacy, messages are not sent by e-mail.

        Read the message: {{ link }}
        """,
        new Dictionary<string, object?>
        {
            ["name"] = "Jordan Lee",
            ["link"] = "https://example.portal/messages/…",
        });
}
