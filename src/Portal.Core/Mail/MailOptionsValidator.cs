using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Portal.Core.Mail;

/// <summary>Checks <c>Portal:Mail</c> at start, so a mistyped SMTP setting stops the process instead of failing every e-mail later.</summary>
public sealed class MailOptionsValidator : IValidateOptions<MailOptions>
{
    public ValidateOptionsResult Validate(string? name, MailOptions options)
    {
        var errors = new List<string>();
        if (!MailboxAddress.TryParse(options.FromAddress, out var from) || from.Address != options.FromAddress.Trim())
        {
            errors.Add($"{MailOptions.Section}:FromAddress is not an e-mail address.");
        }

        if (options.PracticeSmtpTimeoutSeconds is < 1 or > 120)
        {
            errors.Add($"{MailOptions.Section}:PracticeSmtpTimeoutSeconds must be between 1 and 120.");
        }

        if (options.Transport == MailTransportKind.Smtp)
        {
            var smtp = options.Smtp;
            var section = MailOptions.Section + ":Smtp";
            if (string.IsNullOrWhiteSpace(smtp.Host))
            {
                errors.Add($"{section}:Host is required when {MailOptions.Section}:Transport is Smtp.");
            }

            if (smtp.Port is < 1 or > 65535)
            {
                errors.Add($"{section}:Port must be between 1 and 65535.");
            }

            if (smtp.TimeoutSeconds < 1)
            {
                errors.Add($"{section}:TimeoutSeconds must be at least 1.");
            }

            if (!string.IsNullOrWhiteSpace(smtp.TrustedCertificateSha256) && !IsSha256(smtp.TrustedCertificateSha256))
            {
                errors.Add($"{section}:TrustedCertificateSha256 must be a SHA-256 fingerprint: 64 hexadecimal digits, with or without colons.");
            }

            if (smtp.EnableSsl && smtp.Security is { } security && security is not (SecureSocketOptions.StartTls or SecureSocketOptions.SslOnConnect))
            {
                errors.Add($"{section}:EnableSsl=true requires TLS, but {section}:Security is {security}; remove EnableSsl or choose StartTls or SslOnConnect.");
            }
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static bool IsSha256(string text)
    {
        var hex = text.Replace(":", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal);
        return hex.Length == 64 && hex.All(Uri.IsHexDigit);
    }
}
