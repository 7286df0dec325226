using System.Net;
using System.Net.Mail;
using System.Net.Mime;
using System.Text;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Portal.Core.Data;

namespace Portal.Core.Mail;

/// <summary>
/// Sends with System.Net.Mail (MailKit does not restore here): to an SMTP server, or as .eml files in
/// a pickup folder, the embedded default. Each message carries a text and an HTML alternative.
/// </summary>
public sealed class SystemNetMailTransport(IOptions<MailOptions> options, IOptions<AppDataOptions> appData, IHostEnvironment environment) : IMailTransport
{
    public string PickupDirectory { get; } = Path.GetFullPath(
        options.Value.PickupDirectory,
        Path.GetFullPath(appData.Value.Path, environment.ContentRootPath));

    public async Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        using var message = new MailMessage
        {
            From = new MailAddress(mail.FromAddress, mail.FromName, Encoding.UTF8),
            Subject = mail.Subject,
            SubjectEncoding = Encoding.UTF8,
            BodyEncoding = Encoding.UTF8,
            HeadersEncoding = Encoding.UTF8,
        };
        foreach (var to in mail.To)
        {
            message.To.Add(new MailAddress(to));
        }

        if (mail.ReplyTo is not null)
        {
            message.ReplyToList.Add(new MailAddress(mail.ReplyTo));
        }

        message.Headers.Add("X-Portal-Message-Id", mail.MessageId.ToString());
        message.AlternateViews.Add(AlternateView.CreateAlternateViewFromString(mail.TextBody, Encoding.UTF8, MediaTypeNames.Text.Plain));
        message.AlternateViews.Add(AlternateView.CreateAlternateViewFromString(mail.HtmlBody, Encoding.UTF8, MediaTypeNames.Text.Html));

        using var client = new SmtpClient();
        if (settings.Transport == MailTransportKind.Pickup)
        {
            Directory.CreateDirectory(PickupDirectory);
            client.DeliveryMethod = SmtpDeliveryMethod.SpecifiedPickupDirectory;
            client.PickupDirectoryLocation = PickupDirectory;
        }
        else
        {
            client.Host = settings.Smtp.Host;
            client.Port = settings.Smtp.Port;
            client.EnableSsl = settings.Smtp.EnableSsl;
            client.Timeout = settings.Smtp.TimeoutSeconds * 1000;
            if (!string.IsNullOrEmpty(settings.Smtp.UserName))
            {
                client.Credentials = new NetworkCredential(settings.Smtp.UserName, settings.Smtp.Password);
            }
        }

        await client.SendMailAsync(message, cancellationToken);
    }
}
