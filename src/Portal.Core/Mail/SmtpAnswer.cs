namespace Portal.Core.Mail;

/// <summary>
/// What a practice's SMTP server answered to a check or a test e-mail, in words a practice
/// administrator can act on. <see cref="Field"/> names the setting the problem is most likely in
/// (a property of <see cref="MailIdentitySettings"/>), so a page shows it at that field.
/// </summary>
public sealed record SmtpAnswer(bool Succeeded, string Field, string Message);
