using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Data;
using Portal.Core.Mail;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Core.Mail;

/// <summary>
/// MailKit's TLS and authentication settings against real SMTP servers: aiosmtpd with STARTTLS
/// required and with implicit TLS (started here, with a certificate made here), and the test
/// services' plain one. What must not happen (plain text when TLS is required, a password over a
/// plain connection, a certificate nobody vouches for) ends the attempt before the message is sent.
/// </summary>
public sealed class SmtpSecurityTests
{
    [Theory]
    [InlineData(false, "StartTls")]
    [InlineData(true, "SslOnConnect")]
    public async Task Mail_goes_out_over_tls_to_a_server_whose_certificate_is_pinned(bool implicitTls, string security)
    {
        await using var server = await TlsSmtpServer.StartAsync(implicitTls);
        await using var app = await PortalApplication.StartAsync(DatabaseProvider.Sqlite, o => Smtp(o, server.Port, security)
            .Set("Portal:Mail:Smtp:TrustedCertificateSha256", server.CertificateSha256));
        var practice = await app.CreatePracticeAsync(displayName: "Secure Relay LLP");
        var recipient = $"tls-{Guid.NewGuid():N}@clients.example";

        await app.InPracticeAsync(practice, sp => sp.GetRequiredService<IMailOutbox>().QueueAsync(new MailDraft([recipient], "Over TLS – ✓", "<p>Sealed</p>", "Sealed")));

        var mail = await MailMessageReader.WaitForAsync(server.Maildir, recipient);
        Assert.Equal("Over TLS – ✓", mail.Subject);
        Assert.Contains("Sealed", mail.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_certificate_that_is_neither_trusted_nor_pinned_is_refused()
    {
        await using var server = await TlsSmtpServer.StartAsync(implicitTls: false);
        await using var app = await PortalApplication.StartAsync(DatabaseProvider.Sqlite, o => Smtp(o, server.Port, "StartTls"));

        var failed = await SendAndWaitForFailureAsync(app);

        Assert.Contains("certificate", failed.LastError, StringComparison.OrdinalIgnoreCase);
        Assert.False(Delivered(server.Maildir, failed.To));
    }

    [Fact]
    public async Task Requiring_starttls_from_a_server_that_does_not_offer_it_sends_nothing()
    {
        await using var app = await PortalApplication.StartAsync(DatabaseProvider.Sqlite, o => Smtp(o, TestEnvironment.SmtpPort, "StartTls"));

        var failed = await SendAndWaitForFailureAsync(app);

        Assert.Contains("STARTTLS", failed.LastError, StringComparison.Ordinal);
        Assert.False(Delivered(TestEnvironment.Maildir, failed.To));
    }

    [Fact]
    public async Task Credentials_are_not_sent_over_a_connection_without_tls()
    {
        // The configuration of the System.Net.Mail days: a user name, and no TLS asked for.
        await using var app = await PortalApplication.StartAsync(DatabaseProvider.Sqlite, o => Smtp(o, TestEnvironment.SmtpPort, security: null)
            .Set("Portal:Mail:Smtp:UserName", "relay-user").Set("Portal:Mail:Smtp:Password", "relay-secret"));

        var failed = await SendAndWaitForFailureAsync(app);

        Assert.Contains("not encrypted", failed.LastError, StringComparison.Ordinal);
        Assert.DoesNotContain("relay-secret", failed.LastError, StringComparison.Ordinal);
        Assert.False(Delivered(TestEnvironment.Maildir, failed.To));
    }

    [Theory]
    [InlineData("Portal:Mail:Smtp:Port", "0", "Port")]
    [InlineData("Portal:Mail:Smtp:TrustedCertificateSha256", "not-a-fingerprint", "TrustedCertificateSha256")]
    [InlineData("Portal:Mail:Smtp:Security", "None", "EnableSsl")]
    public async Task A_wrong_smtp_setting_stops_the_start_naming_it(string key, string value, string named)
    {
        var start = () => PortalApplication.StartAsync(DatabaseProvider.Sqlite, o => Smtp(o, TestEnvironment.SmtpPort, security: null)
            .Set("Portal:Mail:Smtp:EnableSsl", "true").Set(key, value));

        var error = await Assert.ThrowsAnyAsync<Exception>(start);

        Assert.Contains($"Portal:Mail:Smtp:{named}", error.ToString(), StringComparison.Ordinal);
    }

    private static PortalApplicationOptions Smtp(PortalApplicationOptions options, int port, string? security)
        => options.Set("Portal:Mail:Transport", "Smtp")
            .Set("Portal:Mail:Smtp:Host", "127.0.0.1")
            .Set("Portal:Mail:Smtp:Port", port.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Set("Portal:Mail:Smtp:Security", security)
            .Set("Portal:Mail:Smtp:TimeoutSeconds", "10")
            .Set("Portal:Jobs:DefaultMaxAttempts", "1");

    private static async Task<OutboxMessage> SendAndWaitForFailureAsync(PortalApplication app)
    {
        var practice = await app.CreatePracticeAsync();
        var recipient = $"refused-{Guid.NewGuid():N}@clients.example";
        var id = await app.InPracticeAsync(practice, sp => sp.GetRequiredService<IMailOutbox>().QueueAsync(new MailDraft([recipient], "Should not leave", "<p>x</p>", "x")));
        return await Eventually.GetAsync(
            () => app.InPracticeAsync(practice, async sp => await sp.GetRequiredService<IMailOutbox>().FindAsync(id) is { State: OutboxState.Failed } m ? m : null),
            what: "the message to fail");
    }

    // The attempt failed before the message was handed over, so it can never arrive later.
    private static bool Delivered(string maildir, string recipient)
        => Directory.EnumerateFiles(Path.Combine(maildir, "new")).Any(f => File.ReadAllText(f).Contains(recipient, StringComparison.OrdinalIgnoreCase));
}
