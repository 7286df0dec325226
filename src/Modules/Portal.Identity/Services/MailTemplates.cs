using Portal.Core.Mail;

namespace Portal.Identity.Services;

/// <summary>The e-mails this module sends; practices can edit them (Handlebars).</summary>
public static class MailTemplates
{
    public const string SetPassword = "identity.set-password";

    public static readonly MailTemplateDefinition SetPasswordTemplate = new(
        SetPassword,
        "Invitation: set your password",
        "Sent when a user is invited; the link lets them choose a password.",
        "Your {{practiceName}} portal is ready",
        """
        <p>Hello {{name}},</p>
        <p>{{practiceName}} has opened a secure portal account for you. Choose your password to sign in:</p>
        <p><a href="{{link}}" style="display:inline-block;padding:10px 18px;border-radius:6px;background:{{brandColor}};color:#ffffff;text-decoration:none;font-weight:600">Set my password</a></p>
        <p>Or copy this address into your browser:<br><span style="word-break:break-all">{{link}}</span></p>
        <p>The link works once and expires on {{expires}}.</p>
        """,
        """
        Hello {{name}},

        {{practiceName}} has opened a secure portal account for you. Choose your password to sign in:

        {{link}}

        The link works once and expires on {{expires}}.
        """,
        new Dictionary<string, object?>
        {
            ["name"] = "Alex Client",
            ["link"] = "https://example.portal/account/set-password?token=sample",
            ["expires"] = "21 December 2026",
        });
}
