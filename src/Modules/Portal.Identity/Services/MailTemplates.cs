using Portal.Core.Mail;

namespace Portal.Identity.Services;

/// <summary>The e-mails this module sends; practices can edit them (Liquid).</summary>
public static class MailTemplates
{
    public const string SetPassword = "identity.set-password";

    public static readonly MailTemplateDefinition SetPasswordTemplate = new(
        SetPassword,
        "Invitation: set your password",
        "Sent when a user is invited; the link lets them choose a password.",
        "Your {{ practiceName }} portal is ready",
        """
        <p>Hello {{ name }},</p>
        <p>{{ practiceName }} has opened a secure portal account for you. Choose your password to sign in:</p>
        <p><a href="{{ link }}" style="display:inline-block;padding:10px 18px;border-radius:6px;background:{{ brandColor }};color:#ffffff;text-decoration:none;font-weight:600">Set my password</a></p>
        <p>Or copy this address into your browser:<br><span style="word-break:break-all">{{ link }}</span></p>
        <p>The link works once and expires at {{ expires }}.</p>
        """,
        """
        Hello {{ name }},

        {{ practiceName }} has opened a secure portal account for you. Choose your password to sign in:

        {{ link }}

        The link works once and expires at {{ expires }}.
        """,
        new Dictionary<string, object?>
        {
            ["name"] = "Alex Client",
            ["link"] = "https://example.portal/account/set-password?token=sample",
            ["expires"] = "14:30 on 21 December 2026 (Toronto time)",
        });

    public const string InvitationReminder = "identity.invitation-reminder";
    public const string PasswordReset = "identity.password-reset";
    public const string ConfirmEmailChange = "identity.email-change-confirm";
    public const string EmailChanged = "identity.email-changed";

    public static readonly MailTemplateDefinition InvitationReminderTemplate = new(
        InvitationReminder,
        "Reminder: your portal is waiting",
        "Sent when an invitation is sent again to someone who has not signed in yet.",
        "Reminder: your {{ practiceName }} portal is waiting",
        """
        <p>Hello {{ name }},</p>
        <p>{{ practiceName }} opened a secure portal account for you, and it is still waiting. Choose your password to sign in:</p>
        <p><a href="{{ link }}" style="display:inline-block;padding:10px 18px;border-radius:6px;background:{{ brandColor }};color:#ffffff;text-decoration:none;font-weight:600">Set my password</a></p>
        <p>Or copy this address into your browser:<br><span style="word-break:break-all">{{ link }}</span></p>
        <p>The link works once and expires at {{ expires }}. Earlier links no longer work.</p>
        """,
        """
        Hello {{ name }},

        {{ practiceName }} opened a secure portal account for you, and it is still waiting. Choose your password to sign in:

        {{ link }}

        The link works once and expires at {{ expires }}. Earlier links no longer work.
        """,
        SetPasswordTemplate.SampleModel);

    public static readonly MailTemplateDefinition PasswordResetTemplate = new(
        PasswordReset,
        "Password reset",
        "Sent when someone asks to reset the password of an account.",
        "Reset your {{ practiceName }} portal password",
        """
        <p>Hello {{ name }},</p>
        <p>Someone asked to reset the password of your {{ practiceName }} portal account. If it was you, choose a new password:</p>
        <p><a href="{{ link }}" style="display:inline-block;padding:10px 18px;border-radius:6px;background:{{ brandColor }};color:#ffffff;text-decoration:none;font-weight:600">Choose a new password</a></p>
        <p>The link works once and expires at {{ expires }}. If it was not you, ignore this e-mail: your password stays as it is.</p>
        """,
        """
        Hello {{ name }},

        Someone asked to reset the password of your {{ practiceName }} portal account. If it was you, choose a new password:

        {{ link }}

        The link works once and expires at {{ expires }}. If it was not you, ignore this e-mail: your password stays as it is.
        """,
        new Dictionary<string, object?> { ["name"] = "Alex Client", ["link"] = "https://example.portal/account/reset-password?token=sample", ["expires"] = "14:30 on 4 December 2026 (Toronto time)" });

    public static readonly MailTemplateDefinition ConfirmEmailChangeTemplate = new(
        ConfirmEmailChange,
        "E-mail change: confirm the new address",
        "Sent to a new e-mail address, which works for signing in once confirmed.",
        "Confirm your new e-mail address for {{ practiceName }}",
        """
        <p>Hello {{ name }},</p>
        <p>Your {{ practiceName }} portal account is moving to this e-mail address. Confirm it to sign in with it from now on:</p>
        <p><a href="{{ link }}" style="display:inline-block;padding:10px 18px;border-radius:6px;background:{{ brandColor }};color:#ffffff;text-decoration:none;font-weight:600">Confirm this address</a></p>
        <p>Until you confirm, keep signing in with your previous address. The link expires at {{ expires }}.</p>
        """,
        """
        Hello {{ name }},

        Your {{ practiceName }} portal account is moving to this e-mail address. Confirm it to sign in with it from now on:

        {{ link }}

        Until you confirm, keep signing in with your previous address. The link expires at {{ expires }}.
        """,
        new Dictionary<string, object?> { ["name"] = "Alex Client", ["link"] = "https://example.portal/account/confirm-email?token=sample", ["expires"] = "14:30 on 28 November 2026 (Toronto time)" });

    public static readonly MailTemplateDefinition EmailChangedTemplate = new(
        EmailChanged,
        "E-mail change: notice to the old address",
        "Sent to the previous address once a new one is confirmed.",
        "Your {{ practiceName }} portal e-mail address was changed",
        """
        <p>Hello {{ name }},</p>
        <p>The e-mail address of your {{ practiceName }} portal account is now <strong>{{ newEmail }}</strong>. You will sign in with it from now on; your documents and history stay with your account.</p>
        <p>If you did not expect this, contact {{ practiceName }} straight away.</p>
        """,
        """
        Hello {{ name }},

        The e-mail address of your {{ practiceName }} portal account is now {{ newEmail }}. You will sign in with it from now on; your documents and history stay with your account.

        If you did not expect this, contact {{ practiceName }} straight away.
        """,
        new Dictionary<string, object?> { ["name"] = "Alex Client", ["newEmail"] = "alex.new@example.com" });

    public static IEnumerable<MailTemplateDefinition> All =>
        [SetPasswordTemplate, InvitationReminderTemplate, PasswordResetTemplate, ConfirmEmailChangeTemplate, EmailChangedTemplate];
}
