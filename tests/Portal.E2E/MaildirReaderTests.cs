using Portal.E2E.Infrastructure;
using Xunit;

namespace Portal.E2E;

/// <summary>
/// The Maildir reader's decoding, on a message shaped like System.Net.Mail's output but using the
/// encodings the end-to-end mails happen not to (quoted-printable, split encoded-words, CRLF).
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

    [Fact]
    public void Decodes_quoted_printable_encoded_words_and_keeps_plain_text_around_them()
    {
        Assert.Equal("Re: Caf\u00e9 ready now", MaildirReader.DecodeHeader("Re: =?UTF-8?Q?Caf=C3=A9_ready?= now"));
        Assert.Equal("Plain subject", MaildirReader.DecodeHeader("Plain subject"));
    }
}
