using Portal.Core.Mail;

namespace Portal.SecureMail.Services;

/// <summary>
/// The module's e-mails. None holds a message's text, its password, its hint or its files: the
/// recipient's e-mail carries only the link (a secret of the draft, so the Outbox never shows it),
/// and the sender's notices only say what happened and where to look.
/// </summary>
public static class SecureMailTemplates
{
    public const string LinkName = "securemail.link";
    public const string OpenedName = "securemail.opened";
    public const string ReplyName = "securemail.reply";
    public const string PaidAfterClosingName = "securemail.paid-after-closing";

    public static readonly MailTemplateDefinition Link = new(
        LinkName,
        "Secure e-mail: link to the recipient",
        "Sent to the recipient of a secure e-mail or secure payment request: the \"View your e-mail\" button opens the page that asks for the password.",
        "{{ kindText }} from {{ practiceName }}: {{ subject }}",
        """
        <p>{{ senderName }} at {{ practiceName }} sent you a protected message.</p>
        <p>{{ kindText }}: <strong>{{ subject }}</strong></p>
        <p>It is protected by a password {{ senderName }} agreed with you; the page will show you a hint.</p>
        <p><a href="{{ link }}" style="display:inline-block;padding:10px 18px;border-radius:6px;background:{{ brandColor }};color:#ffffff;text-decoration:none;font-weight:600">View your e-mail</a></p>
        <p>The link works until {{ expires }}.</p>
        """,
        """
        {{ senderName }} at {{ practiceName }} sent you a protected message.

        {{ kindText }}: {{ subject }}

        It is protected by a password {{ senderName }} agreed with you; the page will show you a hint.

        View your e-mail: {{ link }}

        The link works until {{ expires }}.
        """,
        new Dictionary<string, object?>
        {
            ["kindText"] = "Secure payment request",
            ["senderName"] = "Alex Morgan",
            ["subject"] = "Invoice INV-1042",
            ["link"] = "https://example.portal/secure-mail/open?token=…",
            ["expires"] = "4 January 2027",
        });

    public static readonly MailTemplateDefinition Opened = new(
        OpenedName,
        "Secure e-mail: opened",
        "Sent to the staff member who asked to be told when the recipient first unlocks a secure e-mail.",
        "{{ recipient }} opened your secure e-mail \"{{ subject }}\"",
        """
        <p>{{ recipient }} unlocked your secure e-mail <strong>{{ subject }}</strong> at {{ when }}.</p>
        <p><a href="{{ link }}">See the sent item</a></p>
        """,
        """
        {{ recipient }} unlocked your secure e-mail "{{ subject }}" at {{ when }}.

        See the sent item: {{ link }}
        """,
        new Dictionary<string, object?>
        {
            ["recipient"] = "jordan@example.com",
            ["subject"] = "Invoice INV-1042",
            ["when"] = "16:05 on 4 December 2026 (Toronto time)",
            ["link"] = "https://example.portal/admin/secure-mail/sent/…",
        });

    public static readonly MailTemplateDefinition Reply = new(
        ReplyName,
        "Secure e-mail: you have a secure reply",
        "Sent to the staff member whose secure e-mail was answered; the reply itself stays in the portal.",
        "You have a secure reply from {{ recipient }}",
        """
        <p>{{ recipient }} replied securely to <strong>{{ subject }}</strong>. Sign in to the portal to read the reply.</p>
        <p><a href="{{ link }}" style="display:inline-block;padding:10px 18px;border-radius:6px;background:{{ brandColor }};color:#ffffff;text-decoration:none;font-weight:600">Read the reply</a></p>
        """,
        """
        {{ recipient }} replied securely to "{{ subject }}". Sign in to the portal to read the reply: {{ link }}
        """,
        new Dictionary<string, object?>
        {
            ["recipient"] = "jordan@example.com",
            ["subject"] = "Invoice INV-1042",
            ["link"] = "https://example.portal/admin/secure-mail/sent/…",
        });

    public static readonly MailTemplateDefinition PaidAfterClosing = new(
        PaidAfterClosingName,
        "Secure payment request: paid after it was closed",
        "Sent to the staff member whose secure payment request was paid after it had been revoked, locked or had expired: the money is in Payments, to keep or refund.",
        "A payment came in for \"{{ subject }}\" after it was {{ closed }}",
        """
        <p>{{ recipient }} paid <strong>{{ amount }}</strong> for your secure payment request <strong>{{ subject }}</strong>, but the request had been {{ closed }} by then (the payment page was paid just as it closed).</p>
        <p>The payment is recorded in Payments like any other. If it should not have been taken, refund it there.</p>
        <p><a href="{{ link }}">See the sent item</a></p>
        """,
        """
        {{ recipient }} paid {{ amount }} for your secure payment request "{{ subject }}", but the request had been {{ closed }} by then (the payment page was paid just as it closed).

        The payment is recorded in Payments like any other. If it should not have been taken, refund it there.

        See the sent item: {{ link }}
        """,
        new Dictionary<string, object?>
        {
            ["recipient"] = "jordan@example.com",
            ["subject"] = "Invoice INV-1042",
            ["amount"] = "$103.50",
            ["closed"] = "revoked",
            ["link"] = "https://example.portal/admin/secure-mail/sent/…",
        });
}
