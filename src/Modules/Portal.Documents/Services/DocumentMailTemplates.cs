using Portal.Core.Mail;

namespace Portal.Documents.Services;

public static class DocumentMailTemplates
{
    public const string Sent = "documents.sent";
    public const string Received = "documents.received";

    public static readonly MailTemplateDefinition SentTemplate = new(
        Sent,
        "New documents for a client",
        "Sent to a client's portal users when the practice sends them documents (one e-mail per batch).",
        "{{ practiceName }} sent you {{ count }} new document{% if plural %}s{% endif %}",
        """
        <p>Hello {{ name }},</p>
        <p>{{ practiceName }} has put {{ count }} new document{% if plural %}s{% endif %} for {{ clientName }} in your secure portal:</p>
        <ul>{% for file in files %}<li>{{ file }}</li>{% endfor %}</ul>
        <p><a href="{{ link }}" style="display:inline-block;padding:10px 18px;border-radius:6px;background:{{ brandColor }};color:#ffffff;text-decoration:none;font-weight:600">Open my documents</a></p>
        <p>For your security the documents are not attached to this e-mail.</p>
        """,
        """
        Hello {{ name }},

        {{ practiceName }} has put {{ count }} new document{% if plural %}s{% endif %} for {{ clientName }} in your secure portal:
        {%- for file in files %}
        - {{ file }}
        {%- endfor %}

        Open them at {{ link }}

        For your security the documents are not attached to this e-mail.
        """,
        new Dictionary<string, object?>
        {
            ["name"] = "Jordan Lee",
            ["clientName"] = "Lee Family Trust",
            ["count"] = 2,
            ["plural"] = true,
            ["files"] = new[] { "2025 Tax Return.pdf", "Engagement letter.pdf" },
            ["link"] = "https://example.portal/documents",
        });

    public static readonly MailTemplateDefinition ReceivedTemplate = new(
        Received,
        "A client uploaded documents",
        "Sent to the practice's contact address when a client uploads documents (batched).",
        "{{ clientName }} uploaded {{ count }} document{% if plural %}s{% endif %}",
        """
        <p>{{ uploadedBy }} uploaded {{ count }} document{% if plural %}s{% endif %} for {{ clientName }}:</p>
        <ul>{% for file in files %}<li>{{ file }}</li>{% endfor %}</ul>
        <p><a href="{{ link }}" style="display:inline-block;padding:10px 18px;border-radius:6px;background:{{ brandColor }};color:#ffffff;text-decoration:none;font-weight:600">See new files</a></p>
        """,
        """
        {{ uploadedBy }} uploaded {{ count }} document{% if plural %}s{% endif %} for {{ clientName }}:
        {%- for file in files %}
        - {{ file }}
        {%- endfor %}

        See them at {{ link }}
        """,
        new Dictionary<string, object?>
        {
            ["uploadedBy"] = "Jordan Lee",
            ["clientName"] = "Lee Family Trust",
            ["count"] = 3,
            ["plural"] = true,
            ["files"] = new[] { "T4 slip.pdf", "Bank statement March.pdf", "Receipts.zip" },
            ["link"] = "https://example.portal/admin/documents",
        });
}
