using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Data;
using Portal.Core.Mail;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Core.Mail;

/// <summary>
/// The messages MimeKit writes, read back by the tests' own RFC 5322 reader (MailMessageReader), which
/// knows nothing of MimeKit: through the pickup folder (everything 7-bit: quoted-printable or base64)
/// and through the SMTP server (8-bit where the server allows). Contents that force the awkward
/// encodings: a subject long and foreign enough to be folded into several encoded words, lines
/// longer than SMTP's 998 characters, '=' signs, trailing blanks and characters outside Latin-1.
/// </summary>
public sealed class MimeOutputTests
{
    private static readonly string Subject = "Votre déclaration 2026 est prête – 東京 office ✓, Zoë O'Brien & Søn, " + new string('x', 60);
    private static readonly string Text = "Bonjour Zoë,\n\nLien : https://p.example/account/reset-password?token=AbC-_x%2B1=\nLigne avec des blancs à la fin   \n" + string.Concat(Enumerable.Repeat("ä=ü ", 400));
    private static readonly string Html = "<p style=\"color:#1f5f8b\">Bonjour <b>Zoë</b> &amp; 東京</p>" + string.Concat(Enumerable.Repeat("<span>x=y</span>", 120));

    [Fact]
    public async Task The_pickup_folder_holds_messages_the_reader_decodes_exactly()
    {
        await using var app = await PortalApplication.StartAsync(DatabaseProvider.Sqlite);
        var mail = await SendAsync(app, app.PickupDirectory);

        Assert.Contains("Content-Transfer-Encoding", mail.Raw, StringComparison.Ordinal);
        Assert.True(mail.Raw.All(c => c < 128), "a pickup file is 7-bit");
        AssertSame(mail);
    }

    [Fact]
    public async Task The_smtp_server_receives_messages_the_reader_decodes_exactly()
    {
        await using var app = await PortalApplication.StartAsync(DatabaseProvider.Sqlite, o => o.UseSmtpServer());
        AssertSame(await SendAsync(app, TestEnvironment.Maildir));
    }

    private static async Task<ReceivedMail> SendAsync(PortalApplication app, string folder)
    {
        var practice = await app.CreatePracticeAsync(displayName: "Müller & Søn \"Conseil\"");
        var recipient = $"mime-{Guid.NewGuid():N}@clients.example";
        await app.InPracticeAsync(practice, sp => sp.GetRequiredService<IMailOutbox>().QueueAsync(new MailDraft([recipient], Subject, Html, Text)));
        return await MailMessageReader.WaitForAsync(folder, recipient);
    }

    private static void AssertSame(ReceivedMail mail)
    {
        Assert.Equal(Subject, mail.Subject);
        Assert.Equal(Text, mail.Text.TrimEnd('\n'));
        Assert.Equal(Html, mail.Html.TrimEnd('\n'));
        Assert.Contains("Müller & Søn \"Conseil\"", mail.From, StringComparison.Ordinal);
    }
}
