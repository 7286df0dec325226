using Portal.Core.Mail;

namespace Portal.Documents.Services;

/// <summary>The e-mail to the practice when the malware scanner quarantines a file.</summary>
public static class QuarantineMailTemplate
{
    public const string Name = "documents.quarantined";

    public static readonly MailTemplateDefinition Definition = new(
        Name,
        "A file was quarantined",
        "Sent to the practice's contact address when the malware scanner finds malware in an uploaded file.",
        "Malware found in {{ fileName }} ({{ clientName }})",
        """
        <p>The malware scanner found <strong>{{ signature }}</strong> in <strong>{{ fileName }}</strong>, uploaded by {{ uploadedBy }} for {{ clientName }}.</p>
        <p>The file is quarantined: it stays encrypted, nobody can download it, and {% if fromClient %}it is not offered to staff as a new file{% else %}the client cannot see it{% endif %}.
        Contact {{ uploadedBy }} if they need to send a clean copy.</p>
        <p><a href="{{ link }}" style="display:inline-block;padding:10px 18px;border-radius:6px;background:{{ brandColor }};color:#ffffff;text-decoration:none;font-weight:600">See the document</a></p>
        """,
        """
        The malware scanner found {{ signature }} in {{ fileName }}, uploaded by {{ uploadedBy }} for {{ clientName }}.

        The file is quarantined: it stays encrypted, nobody can download it, and {% if fromClient %}it is not offered to staff as a new file{% else %}the client cannot see it{% endif %}.
        Contact {{ uploadedBy }} if they need to send a clean copy.

        See the document at {{ link }}
        """,
        new Dictionary<string, object?>
        {
            ["fileName"] = "Invoice March.pdf",
            ["clientName"] = "Lee Family Trust",
            ["uploadedBy"] = "Jordan Lee",
            ["signature"] = "Pdf.Exploit.CVE_2018_4993-6",
            ["fromClient"] = true,
            ["link"] = "https://example.portal/admin/documents",
        });
}
