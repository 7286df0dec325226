using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;

namespace Portal.Core.Mail;

/// <summary>
/// A practice's own SMTP server (<see cref="MailIdentitySettings"/>): sends the outbox's messages
/// through it, and checks it for the settings page, with a short timeout, turning MailKit's exceptions
/// into a sentence about the server (refused, unknown, silent, wrong password, no TLS).
/// </summary>
public sealed class PracticeSmtpServer(IOptions<MailOptions> options)
{
    private const string FixHint = "Choose STARTTLS or TLS for your server.";

    /// <summary>Whether the platform lets practices send through their own servers.</summary>
    public bool IsAllowed => options.Value.AllowPracticeSmtp;

    /// <summary>Sends one message (an outbox job); failures are thrown, for the job's retries.</summary>
    public async Task SendAsync(MailIdentitySettings practice, OutgoingMail mail, CancellationToken cancellationToken)
    {
        var settings = practice.ToSmtpSettings(options.Value.Smtp.TimeoutSeconds);
        using var message = OutgoingMimeMessage.Create(mail);
        using var client = await SmtpSession.OpenAsync(settings, FixHint, cancellationToken);
        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }

    /// <summary>Connects and signs in as the settings say, sending nothing: the check before they are saved.</summary>
    public Task<SmtpAnswer> CheckAsync(MailIdentitySettings practice, CancellationToken cancellationToken)
        => TryAsync(practice, null, cancellationToken);

    /// <summary>Sends <paramref name="mail"/> at once (not through the outbox) and reports the server's answer.</summary>
    public Task<SmtpAnswer> SendTestAsync(MailIdentitySettings practice, OutgoingMail mail, CancellationToken cancellationToken)
        => TryAsync(practice, mail, cancellationToken);

    private async Task<SmtpAnswer> TryAsync(MailIdentitySettings practice, OutgoingMail? mail, CancellationToken cancellationToken)
    {
        var seconds = options.Value.PracticeSmtpTimeoutSeconds;
        var settings = practice.ToSmtpSettings(seconds);
        var server = $"{settings.Host}:{settings.Port}";

        // MailKit's timeout covers each read and write; this covers the whole attempt, name lookup included.
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(TimeSpan.FromSeconds(seconds * 2));
        try
        {
            using var client = await SmtpSession.OpenAsync(settings, FixHint, deadline.Token);
            string answer;
            if (mail is null)
            {
                answer = "connected" + (client.IsSecure ? " over an encrypted connection" : "") + (settings.HasCredentials ? " and accepted the user name and password" : "");
            }
            else
            {
                using var message = OutgoingMimeMessage.Create(mail);
                answer = "accepted the test e-mail for " + string.Join(", ", mail.To) + ": " + Trim(await client.SendAsync(message, deadline.Token));
            }

            await client.DisconnectAsync(quit: true, deadline.Token);
            return new SmtpAnswer(true, nameof(MailIdentitySettings.SmtpHost), $"The server {server} {answer}.");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return TimedOut(server, seconds);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return Explain(ex, server, seconds);
        }
    }

    private static SmtpAnswer Explain(Exception ex, string server, int seconds)
    {
        if (Find<TimeoutException>(ex) is not null || Find<SocketException>(ex) is { SocketErrorCode: SocketError.TimedOut })
        {
            return TimedOut(server, seconds);
        }

        return ex switch
        {
            _ when Find<SocketException>(ex) is { } socket => socket.SocketErrorCode switch
            {
                SocketError.ConnectionRefused => Host($"The server {server} refused the connection: check the server name and the port."),
                SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain => Host($"No server called {server.Split(':')[0]} was found: check the server name."),
                _ => Host($"The server {server} could not be reached ({socket.SocketErrorCode}): check the server name and the port."),
            },
            SslHandshakeException => new SmtpAnswer(false, nameof(MailIdentitySettings.SmtpSecurity), $"The secure connection to {server} could not be set up: check the TLS choice and the port (587 for STARTTLS, 465 for TLS), and that the server's certificate is valid."),
            AuthenticationException when ex.Message.Contains("not encrypted", StringComparison.Ordinal) => new SmtpAnswer(false, nameof(MailIdentitySettings.SmtpSecurity), $"The connection to {server} is not encrypted, so the password was not sent: choose STARTTLS or TLS."),
            AuthenticationException => new SmtpAnswer(false, nameof(MailIdentitySettings.SmtpPassword), $"The server {server} refused the user name or password: {Trim(ex.Message)}"),
            SmtpCommandException command => new SmtpAnswer(false, command.ErrorCode == SmtpErrorCode.SenderNotAccepted ? nameof(MailIdentitySettings.FromAddress) : nameof(MailIdentitySettings.SmtpHost),
                $"The server {server} answered {(int)command.StatusCode}: {Trim(command.Message)}"),
            NotSupportedException when ex.Message.Contains("STARTTLS", StringComparison.OrdinalIgnoreCase) => new SmtpAnswer(false, nameof(MailIdentitySettings.SmtpSecurity), $"The server {server} does not offer STARTTLS: choose TLS (usually port 465) or ask your provider."),
            ServiceNotConnectedException or SmtpProtocolException or IOException => Host($"The server {server} closed the connection or did not speak SMTP: check the port and the TLS choice."),
            _ => Host($"Sending through {server} failed: {Trim(ex.Message)}"),
        };
    }

    private static SmtpAnswer TimedOut(string server, int seconds)
        => Host($"The server {server} did not answer within {seconds} second{(seconds == 1 ? "" : "s")}: check the server name, the port and that it accepts connections from this platform.");

    private static SmtpAnswer Host(string message) => new(false, nameof(MailIdentitySettings.SmtpHost), message);

    private static T? Find<T>(Exception? ex)
        where T : Exception
    {
        for (; ex is not null; ex = ex.InnerException)
        {
            if (ex is T found)
            {
                return found;
            }
        }

        return null;
    }

    private static string Trim(string text)
    {
        var line = text.ReplaceLineEndings(" ").Trim();
        return line.Length > 300 ? line[..300] + "…" : line;
    }
}
