namespace Portal.SecureMail.Services;

/// <summary>Audit actions of the secure e-mail module.</summary>
public static class SecureMailAuditActions
{
    public const string Sent = "securemail.sent";
    public const string Resent = "securemail.resent";
    public const string SendFailed = "securemail.send-failed";
    public const string UnlockSucceeded = "securemail.unlock.succeeded";
    public const string UnlockFailed = "securemail.unlock.failed";

    /// <summary>An attempt on a message that is locked, expired or revoked: refused whatever the password.</summary>
    public const string UnlockRefused = "securemail.unlock.refused";
    public const string Locked = "securemail.locked";
    public const string Revoked = "securemail.revoked";
    public const string Reopened = "securemail.reopened";
    public const string AttachmentDownloaded = "securemail.attachment.downloaded";
    public const string Replied = "securemail.replied";
    public const string PayStarted = "securemail.pay.started";

    /// <summary>A payment arrived for a request that was revoked, locked or expired: recorded, and staff told.</summary>
    public const string PaidAfterClosing = "securemail.paid-after-closing";
}
