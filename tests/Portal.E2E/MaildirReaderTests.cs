using Portal.E2E.Infrastructure;
using Xunit;

namespace Portal.E2E;

/// <summary>
/// The Maildir reader's decoding: on a message shaped like System.Net.Mail's output (what the portal
/// sent before MailKit) and on one as MimeKit writes it, using the encodings the end-to-end mails
/// happen not to (quoted-printable, split encoded-words, CRLF, 8-bit, a character split by a soft line break).
/// </summary>
public sealed class MaildirReaderTests
{
    private const string Raw =
        "X-Portal-Message-Id: 01a2008d-1b42-7ecf-b8bc-ed4234844dc5\r\n"
        + "MIME-Version: 1.0\r\n"
        + "From: \"M\u00fcller & S\u00f8n\" <portal@localhost>\r\n"
        + "To: zoe@client.example, other@client.example\r\n"
        + "Subject: =?utf-8?B?WW91ciBNww==?=\r\n"
        + " =?utf-8?B?vGxsZXIgJiBTw7huIOKAlCBDYWbDqSBwb3J0YWwgaXMgcmVhZHk=?=\r\n"
        + "Content-Type: multipart/alternative;\r\n"
        + " boundary=--boundary_0_26a5a036\r\n"
        + "X-RcptTo: zoe@client.example\r\n"
        + "\r\n"
        + "\r\n"
        + "----boundary_0_26a5a036\r\n"
        + "Content-Type: text/plain; charset=utf-8\r\n"
        + "Content-Transfer-Encoding: quoted-printable\r\n"
        + "\r\n"
        + "Hello Zo=C3=AB,\r\n"
        + "\r\n"
        + "http://e2eabc.localhost:5000/account/set-pass=\r\n"
        + "word?token=3DAbC-_x%2B1\r\n"
        + "----boundary_0_26a5a036\r\n"
        + "Content-Type: text/html; charset=utf-8\r\n"
        + "Content-Transfer-Encoding: base64\r\n"
        + "\r\n"
        + "PHA+PGEgaHJlZj0iaHR0cDovL2UyZWFiYy5sb2NhbGhvc3Q6NTAwMC9hY2NvdW50L3NldC1wYXNz\r\n"
        + "d29yZD90b2tlbiYjeDNEO0FiQy1feCUyQjEiPlNldDwvYT4gY2Fmw6k8L3A+\r\n"
        + "----boundary_0_26a5a036--\r\n"
        + "\r\n";

    [Fact]
    public void Decodes_subject_recipients_and_both_alternatives()
    {
        var mail = MaildirReader.Parse("sample", System.Text.Encoding.Latin1.GetBytes(Raw));

        Assert.Equal("Your M\u00fcller & S\u00f8n \u2014 Caf\u00e9 portal is ready", mail.Subject);
        Assert.Equal(["zoe@client.example", "other@client.example"], mail.To);
        Assert.Equal(
            "Hello Zo\u00eb,\n\nhttp://e2eabc.localhost:5000/account/set-password?token=AbC-_x%2B1",
            mail.Text);
        Assert.Equal(
            "<p><a href=\"http://e2eabc.localhost:5000/account/set-password?token&#x3D;AbC-_x%2B1\">Set</a> caf\u00e9</p>",
            mail.Html);
    }

    /// <summary>Cut down from what aiosmtpd stored for a MimeOutputTests message (Portal.Tests).</summary>
    private const string MimeKitRaw =
        "From: =?utf-8?b?TcO8bGxlciAmIFPDuG4=?= \"\\\"Conseil\\\"\" <portal@localhost>\n"
        + "Date: Fri, 04 Dec 2026 21:40:50 +0000\n"
        + "Subject: Votre\n"
        + " =?utf-8?b?ZMOpY2xhcmF0aW9uIDIwMjYgZXN0IHByw6p0ZSDigJMg5p2x5LqsIG9mZmljZQ==?=\n"
        + " =?utf-8?b?IOKckywgWm/DqyBPJ0JyaWVuICYgU8O4biw=?=\n"
        + " xxxxxxxx\n"
        + "Message-Id: <01a24300b58a750693b496cc13fdcc63@localhost>\n"
        + "To: zoe@client.example\n"
        + "X-Portal-Message-Id: 01a24300-b58a-7506-93b4-96cc13fdcc63\n"
        + "MIME-Version: 1.0\n"
        + "Content-Type: multipart/alternative; boundary=\"=-zjupiGJC1x5z2+Z/EuanCQ==\"\n"
        + "X-RcptTo: zoe@client.example\n"
        + "\n"
        + "--=-zjupiGJC1x5z2+Z/EuanCQ==\n"
        + "Content-Type: text/plain; charset=utf-8\n"
        + "Content-Transfer-Encoding: quoted-printable\n"
        + "\n"
        + "Bonjour Zo=C3=AB,\n"
        + "\n"
        + "Lien : https://p.example/account/reset-password?token=3DAbC-_x%2B1=3D\n"
        + "Ligne avec des blancs =C3=A0 la fin  =20\n"
        + "=C3=A4=3D=C3=BC =C3=A4=3D=C3=\n"
        + "=BC fin\n"
        + "--=-zjupiGJC1x5z2+Z/EuanCQ==\n"
        + "Content-Type: text/html; charset=utf-8\n"
        + "Content-Transfer-Encoding: 8bit\n"
        + "\n"
        + "<p>Bonjour <b>Zo\u00eb</b> &amp; \u6771\u4eac</p>\n"
        + "--=-zjupiGJC1x5z2+Z/EuanCQ==--\n";

    [Fact]
    public void Decodes_a_message_as_mimekit_writes_it()
    {
        var mail = MaildirReader.Parse("sample", System.Text.Encoding.UTF8.GetBytes(MimeKitRaw));

        Assert.Equal("Votre d\u00e9claration 2026 est pr\u00eate \u2013 \u6771\u4eac office \u2713, Zo\u00eb O'Brien & S\u00f8n, xxxxxxxx", mail.Subject);
        Assert.Equal(["zoe@client.example"], mail.To);
        Assert.Equal(
            "Bonjour Zo\u00eb,\n\nLien : https://p.example/account/reset-password?token=AbC-_x%2B1=\nLigne avec des blancs \u00e0 la fin   \n\u00e4=\u00fc \u00e4=\u00fc fin",
            mail.Text);
        Assert.Equal("<p>Bonjour <b>Zo\u00eb</b> &amp; \u6771\u4eac</p>", mail.Html);
    }

    [Fact]
    public void Decodes_quoted_printable_encoded_words_and_keeps_plain_text_around_them()
    {
        Assert.Equal("Re: Caf\u00e9 ready now", MaildirReader.DecodeHeader("Re: =?UTF-8?Q?Caf=C3=A9_ready?= now"));
        Assert.Equal("Plain subject", MaildirReader.DecodeHeader("Plain subject"));
    }
}
