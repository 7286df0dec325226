using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using MimeKit;
using Portal.Core.Data;

namespace Portal.Core.Mail;

/// <summary>
/// The default transport: each message becomes an RFC 5322 <c>.eml</c> file (written by MimeKit) in the
/// pickup folder, named after its outbox id. The file is written beside the folder's messages first
/// (in <c>.tmp</c>) and then moved in, so a reader never sees half a message; a repeated send replaces
/// the file instead of adding a second copy.
/// </summary>
public sealed class PickupFolderMailTransport(IOptions<MailOptions> options, IOptions<AppDataOptions> appData, IHostEnvironment environment) : IMailTransport
{
    // Line ends as on the wire (CRLF), whatever the server's platform.
    private static readonly FormatOptions FileFormat = new() { NewLineFormat = NewLineFormat.Dos };

    public string PickupDirectory { get; } = Path.GetFullPath(
        options.Value.PickupDirectory,
        Path.GetFullPath(appData.Value.Path, environment.ContentRootPath));

    public async Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken)
    {
        using var message = OutgoingMimeMessage.Create(mail);

        // What an SMTP server without 8BITMIME would be given: every part in 7-bit transfer encoding.
        message.Prepare(EncodingConstraint.SevenBit);
        var staging = Path.Combine(PickupDirectory, ".tmp");
        Directory.CreateDirectory(staging);
        var name = $"{mail.MessageId:N}.eml";
        var temporary = Path.Combine(staging, name);
        await message.WriteToAsync(FileFormat, temporary, cancellationToken);
        File.Move(temporary, Path.Combine(PickupDirectory, name), overwrite: true);
    }
}
