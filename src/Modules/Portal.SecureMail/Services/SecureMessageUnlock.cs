using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Core.Contracts;
using Portal.SecureMail.Data;
using Portal.SecureMail.Models;

namespace Portal.SecureMail.Services;

/// <summary>
/// The recipient's side of security.md section 5: every attempt is recorded and audited; a message takes
/// <see cref="SecureMessage.MaxFailedAttempts"/> wrong passwords from all IPs together, then locks until
/// staff re-open it. The count is taken before the password is checked, by one conditional update, so
/// parallel guesses cannot exceed the cap; a right password gives its slot back. Locking a payment request
/// closes its open Checkout page, as revoking does.
/// </summary>
public sealed class SecureMessageUnlock(
    SecureMailDbContext db,
    SecureMessageMail mail,
    IAuditLog audit,
    IEnumerable<IPaymentRequestPayments> payments,
    IOptions<SecureMailOptions> options,
    SecureMessagePasswords passwords,
    TimeProvider clock)
{
    /// <summary>The message a link's token names, or null for a token that is malformed or unknown.</summary>
    public async Task<SecureMessage?> FindAsync(string? token, CancellationToken cancellationToken = default)
    {
        if (!SecureMessageTokens.IsWellFormed(token))
        {
            return null;
        }

        var hash = SecureMessageTokens.Hash(token!);
        return await db.Messages.SingleOrDefaultAsync(m => m.TokenHash == hash, cancellationToken);
    }

    /// <summary>Why the link no longer works (revoked, expired), or null while it does; notes the first visit and the expiry. Opens used up are the page's to judge: the browser of the last open still reads it.</summary>
    public async Task<UnlockOutcome?> VisitAsync(SecureMessage message, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (message.RevokedAt is not null)
        {
            return UnlockOutcome.Revoked;
        }

        if (message.IsExpired(now))
        {
            if (message.ExpiredAt is null)
            {
                message.ExpiredAt = now;
                await db.SaveChangesAsync(cancellationToken);
            }

            return UnlockOutcome.Expired;
        }

        if (message.OpenedAt is null)
        {
            message.OpenedAt = now;
            await db.SaveChangesAsync(cancellationToken);
        }

        return null;
    }

    public async Task<UnlockOutcome> AttemptAsync(SecureMessage message, string? password, string? ip, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        ip = ip is { Length: > SecureMessageAttempt.IpMaxLength } ? ip[..SecureMessageAttempt.IpMaxLength] : ip;
        var closed = message.RevokedAt is not null ? UnlockOutcome.Revoked
            : message.IsExpired(now) ? UnlockOutcome.Expired
            : message.LockedAt is not null ? UnlockOutcome.Locked
            : message.HasUsedItsOpens ? UnlockOutcome.OpensUsed
            : await IsThrottledAsync(ip, now, cancellationToken) ? UnlockOutcome.Throttled
            : (UnlockOutcome?)null;
        if (closed is null)
        {
            var slot = await db.Messages
                .Where(m => m.Id == message.Id && m.LockedAt == null && m.RevokedAt == null && m.FailedAttempts < SecureMessage.MaxFailedAttempts)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.FailedAttempts, m => m.FailedAttempts + 1), cancellationToken);
            closed = slot == 0 ? UnlockOutcome.Locked : null;
        }

        if (closed is { } refused)
        {
            await RecordAsync(message, ip, false, now, SecureMailAuditActions.UnlockRefused, refused.ToString(), cancellationToken);
            return refused;
        }

        if (passwords.Verify(message, password ?? ""))
        {
            await db.Messages.Where(m => m.Id == message.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.FailedAttempts, m => m.FailedAttempts - 1), cancellationToken);

            // Like the attempt cap: one conditional update takes an open, so parallel unlocks cannot pass the limit.
            var opened = await db.Messages
                .Where(m => m.Id == message.Id && (m.MaxOpens == null || m.OpenCount < m.MaxOpens))
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.OpenCount, m => m.OpenCount + 1), CancellationToken.None);
            if (opened == 0)
            {
                await RecordAsync(message, ip, false, now, SecureMailAuditActions.UnlockRefused, UnlockOutcome.OpensUsed.ToString(), CancellationToken.None);
                await db.Entry(message).ReloadAsync(CancellationToken.None);
                return UnlockOutcome.OpensUsed;
            }

            await RecordAsync(message, ip, true, now, SecureMailAuditActions.UnlockSucceeded, null, CancellationToken.None);
            await db.Entry(message).ReloadAsync(cancellationToken);
            if (message.UnlockedAt is null)
            {
                message.UnlockedAt = now;
                message.OpenedAt ??= now;
                await db.SaveChangesAsync(CancellationToken.None);
                if (message.NotifyWhenOpened)
                {
                    await mail.QueueOpenedAsync(message, CancellationToken.None);
                }
            }

            return UnlockOutcome.Unlocked;
        }

        await RecordAsync(message, ip, false, now, SecureMailAuditActions.UnlockFailed, null, CancellationToken.None);
        var locked = await db.Messages
            .Where(m => m.Id == message.Id && m.LockedAt == null && m.FailedAttempts >= SecureMessage.MaxFailedAttempts)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.LockedAt, now).SetProperty(m => m.SessionStamp, SecureMessageSender.NewStamp()), CancellationToken.None);
        if (locked > 0)
        {
            await audit.RecordAsync(new AuditEntry(SecureMailAuditActions.Locked, SecureMailAuditTargets.SecureMessage, message.Id.ToString(), $"{SecureMessage.MaxFailedAttempts} wrong passwords"), CancellationToken.None);

            // A Checkout page the payer (or the guesser) left open must not take money for a locked request.
            if (message.IsPaymentRequest && payments.LastOrDefault() is { } payment)
            {
                await payment.CloseCheckoutAsync(message.Id, CancellationToken.None);
            }
        }

        await db.Entry(message).ReloadAsync(CancellationToken.None);
        return UnlockOutcome.WrongPassword;
    }

    private async Task<bool> IsThrottledAsync(string? ip, DateTime now, CancellationToken cancellationToken)
    {
        if (ip is null)
        {
            return false;
        }

        var since = now - options.Value.IpAttemptWindow;
        var failures = await db.Attempts.CountAsync(a => a.Ip == ip && !a.Succeeded && a.At >= since, cancellationToken);
        return failures >= options.Value.IpAttemptLimit;
    }

    private async Task RecordAsync(SecureMessage message, string? ip, bool succeeded, DateTime now, string action, string? details, CancellationToken cancellationToken)
    {
        db.Attempts.Add(new SecureMessageAttempt { Id = Guid.CreateVersion7(), MessageId = message.Id, At = now, Ip = ip, Succeeded = succeeded });
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(
            new AuditEntry(action, SecureMailAuditTargets.SecureMessage, message.Id.ToString(), string.Join("; ", new[] { details, ip is null ? null : $"from {ip}" }.OfType<string>())) { ActorName = message.RecipientEmail },
            cancellationToken);
    }
}
