using Microsoft.EntityFrameworkCore;
using Portal.Core.Contracts;
using Portal.SecureMail.Data;

namespace Portal.SecureMail.Services;

/// <summary>
/// Staff's controls over a sent message. Revoking ends the link for good (410); re-opening a locked
/// message clears its failed attempts. Both change the session stamp, so a browser that had unlocked
/// the message must unlock it again. Revoking a payment request also closes its open Checkout page, so a
/// page the payer left open cannot take the money after all.
/// </summary>
public sealed class SecureMessageControls(SecureMailDbContext db, IAuditLog audit, IPaymentRequestPayments payments, TimeProvider clock)
{
    public async Task<bool> RevokeAsync(Guid messageId, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var updated = await db.Messages.Where(m => m.Id == messageId && m.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.RevokedAt, now).SetProperty(m => m.SessionStamp, SecureMessageSender.NewStamp()), cancellationToken);
        if (updated > 0)
        {
            await audit.RecordAsync(new AuditEntry(SecureMailAuditActions.Revoked, SecureMailAuditTargets.SecureMessage, messageId.ToString()), cancellationToken);
            await payments.CloseCheckoutAsync(messageId, cancellationToken);
        }

        return updated > 0;
    }

    /// <summary>Unlocks a message locked by wrong passwords; false when it was not locked (or was revoked).</summary>
    public async Task<bool> ReopenAsync(Guid messageId, CancellationToken cancellationToken = default)
    {
        var updated = await db.Messages.Where(m => m.Id == messageId && m.LockedAt != null && m.RevokedAt == null)
            .ExecuteUpdateAsync(
                s => s.SetProperty(m => m.LockedAt, (DateTime?)null)
                    .SetProperty(m => m.FailedAttempts, 0)
                    .SetProperty(m => m.SessionStamp, SecureMessageSender.NewStamp()),
                cancellationToken);
        if (updated > 0)
        {
            await audit.RecordAsync(new AuditEntry(SecureMailAuditActions.Reopened, SecureMailAuditTargets.SecureMessage, messageId.ToString()), cancellationToken);
        }

        return updated > 0;
    }
}
