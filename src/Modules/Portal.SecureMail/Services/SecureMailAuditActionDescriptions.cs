using Portal.Core.Contracts;

namespace Portal.SecureMail.Services;

internal sealed class SecureMailAuditActionDescriptions : IAuditActionDescriptions
{
    public IEnumerable<AuditActionDescription> Describe() =>
    [
        new(SecureMailAuditActions.Sent, "Secure e-mail sent", "sent the secure e-mail {target}"),
        new(SecureMailAuditActions.Resent, "Secure e-mail sent again", "sent the secure e-mail {target} again"),
        new(SecureMailAuditActions.SendFailed, "Secure e-mail not sent", "could not send the secure e-mail {target}"),
        new(SecureMailAuditActions.UnlockSucceeded, "Secure e-mail unlocked", "unlocked the secure e-mail {target}"),
        new(SecureMailAuditActions.UnlockFailed, "Secure e-mail: wrong password", "gave a wrong password for the secure e-mail {target}"),
        new(SecureMailAuditActions.UnlockRefused, "Secure e-mail: attempt refused", "tried to unlock the secure e-mail {target}, which is closed"),
        new(SecureMailAuditActions.Locked, "Secure e-mail locked", "locked the secure e-mail {target} with too many wrong passwords"),
        new(SecureMailAuditActions.Revoked, "Secure e-mail revoked", "revoked the secure e-mail {target}"),
        new(SecureMailAuditActions.Reopened, "Secure e-mail re-opened", "re-opened the secure e-mail {target}"),
        new(SecureMailAuditActions.AttachmentDownloaded, "Secure e-mail file downloaded", "downloaded a file of the secure e-mail {target}"),
        new(SecureMailAuditActions.Replied, "Secure e-mail replied to", "replied to the secure e-mail {target}"),
        new(SecureMailAuditActions.PaidAfterClosing, "Secure payment request paid after closing", "received a payment for the secure payment request {target} after it was closed"),
        new(SecureMailAuditActions.PayStarted, "Secure payment request: pay started", "started paying the secure payment request {target}"),
    ];
}
