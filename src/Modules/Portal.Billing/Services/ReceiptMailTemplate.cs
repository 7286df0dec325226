using Portal.Core.Mail;

namespace Portal.Billing.Services;

/// <summary>The receipt e-mailed to a client after each online payment that succeeded.</summary>
public static class ReceiptMailTemplate
{
    public const string Name = "billing.receipt";

    public static readonly MailTemplateDefinition Definition = new(
        Name,
        "Payment receipt",
        "Sent to the client user who paid online (or the client's portal users) once the payment has gone through.",
        "Receipt: {{ total }} paid to {{ practiceName }} for invoice {{ invoiceNumber }}",
        """
        {% if testMode %}<p style="padding:8px 12px;border-radius:6px;background:#fff4e5;color:#7a4b00"><strong>Test mode</strong>: this payment was a test; no real money moved.</p>{% endif %}
        <p>Thank you{% if payerName != "" %}, {{ payerName }}{% endif %}: we received your payment to {{ practiceName }}.</p>
        <table role="presentation" cellpadding="6" cellspacing="0" style="border-collapse:collapse">
          <tr><td>Invoice</td><td><strong>{{ invoiceNumber }}</strong>{% if clientName != "" %} ({{ clientName }}){% endif %}</td></tr>
          <tr><td>Date</td><td>{{ date }}</td></tr>
          <tr><td>Paid on the invoice</td><td>{{ invoiceAmount }}</td></tr>
          {% if hasFee %}<tr><td>Transaction fee</td><td>{{ fee }}</td></tr>{% endif %}
          <tr><td><strong>Total paid</strong></td><td><strong>{{ total }}</strong></td></tr>
          <tr><td>Reference</td><td>{{ reference }}</td></tr>
        </table>
        <p><a href="{{ link }}" style="display:inline-block;padding:10px 18px;border-radius:6px;background:{{ brandColor }};color:#ffffff;text-decoration:none;font-weight:600">See the invoice</a></p>
        """,
        """
        {% if testMode %}TEST MODE: this payment was a test; no real money moved.

        {% endif %}Thank you{% if payerName != "" %}, {{ payerName }}{% endif %}: we received your payment to {{ practiceName }}.

        Invoice: {{ invoiceNumber }}{% if clientName != "" %} ({{ clientName }}){% endif %}
        Date: {{ date }}
        Paid on the invoice: {{ invoiceAmount }}
        {% if hasFee %}Transaction fee: {{ fee }}
        {% endif %}Total paid: {{ total }}
        Reference: {{ reference }}

        See the invoice at {{ link }}
        """,
        new Dictionary<string, object?>
        {
            ["payerName"] = "Jordan Lee",
            ["clientName"] = "Lee Family Trust",
            ["invoiceNumber"] = "INV-1042",
            ["date"] = "2026-12-04",
            ["invoiceAmount"] = "250.00 CAD",
            ["hasFee"] = true,
            ["fee"] = "7.97 CAD",
            ["total"] = "257.97 CAD",
            ["reference"] = "pi_3Qx…",
            ["testMode"] = false,
            ["link"] = "https://example.portal/billing/invoices/1",
        });
}
