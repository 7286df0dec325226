using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Portal.Core.Contracts;
using Portal.Core.Security;
using Portal.SecureMail.Data;
using Portal.SecureMail.Models;

namespace Portal.SecureMail.Services;

/// <summary>
/// Sends a secure e-mail or payment request: checks the draft, takes a payment request's quota unit,
/// stores the files (all or none), keeps the message sealed with hashes of its token and password,
/// and queues the "View your e-mail" message. Whatever is refused on the way (a file, the quota, the
/// payments) gives back what was taken, so nothing half-made is sent or counted.
/// </summary>
public sealed class SecureMessageSender(
    SecureMailDbContext db,
    SecureMessageSealing sealing,
    SecureMessagePasswords passwords,
    IAttachmentStore attachments,
    IPlanQuotas quotas,
    IEnumerable<IPaymentRequestPayments> payments,
    IClientDirectory clients,
    SecureMessageMail mail,
    ICurrentActor actor,
    IAuditLog audit,
    TimeProvider clock,
    ILogger<SecureMessageSender> logger)
{
    /// <summary>The owner name of this module's attachments in <see cref="IAttachmentStore"/>.</summary>
    public const string AttachmentOwner = SecureMailAuditTargets.SecureMessage;

    public async Task<SecureMessageSendResult> SendAsync(SecureMessageDraft draft, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var now = clock.GetUtcNow().UtcDateTime;
        var problems = SecureMessageRules.Check(draft, now);
        if (problems.Count > 0)
        {
            return new SecureMessageSendResult(null, problems);
        }

        if (actor.Actor.UserId is not { } senderId)
        {
            throw new InvalidOperationException("A secure e-mail is sent by a signed-in staff member.");
        }

        var id = Guid.CreateVersion7();
        long? fee = null;
        var quotaTaken = false;
        if (draft.Kind == SecureMessageKind.PaymentRequest)
        {
            var payment = Payments();
            if (payment is null)
            {
                return SecureMessageSendResult.Refused(SecureMessageFields.Form, "Payment requests are not available in this portal.");
            }

            if (await clients.FindAsync(draft.ClientId!.Value, cancellationToken) is null)
            {
                return SecureMessageSendResult.Refused(SecureMessageFields.ClientId, "Choose one of the practice's clients.");
            }

            if (await payment.UnavailableReasonAsync(draft.Currency!, cancellationToken) is { } reason)
            {
                return SecureMessageSendResult.Refused(SecureMessageFields.Currency, reason);
            }

            fee = draft.IncludeFee ? await payment.FeeAsync(draft.ClientId.Value, draft.Amount!.Value, draft.Currency!, cancellationToken) : null;
            var quota = await quotas.TryConsumeAsync(PlanQuota.SecurePaymentRequests, id.ToString(), cancellationToken);
            if (!quota.Allowed)
            {
                return SecureMessageSendResult.Refused(SecureMessageFields.Form, quota.Refusal ?? "Your plan allows no more secure payment requests this month.");
            }

            quotaTaken = true;
        }

        var stored = new List<AttachmentInfo>();
        var sent = false;
        try
        {
            foreach (var file in draft.Files)
            {
                var result = await attachments.StoreAsync(new AttachmentUpload(AttachmentOwner, id, file.FileName, file.Content, senderId), cancellationToken);
                if (!result.Succeeded)
                {
                    return SecureMessageSendResult.Refused(SecureMessageFields.Attachments, $"{file.FileName}: {result.Error} Nothing was sent.");
                }

                stored.Add(result.Attachment!);
            }

            var token = SecureMessageTokens.NewToken();
            var message = new SecureMessage
            {
                Id = id,
                Kind = draft.Kind,
                SenderId = senderId,
                SenderName = Truncate(actor.Actor.Name ?? "", SecureMessage.NameMaxLength),
                RecipientEmail = draft.RecipientEmail.Trim(),
                ClientId = draft.ClientId,
                Subject = draft.Subject.Trim(),
                SealedBody = sealing.Seal(id, draft.Body),
                Hint = draft.Hint.Trim(),
                TokenHash = SecureMessageTokens.Hash(token),
                SessionStamp = NewStamp(),
                ExpiresAt = draft.ExpiresAt,
                NotifyWhenOpened = draft.NotifyWhenOpened,
                MaxOpens = draft.MaxOpens,
                CreatedAt = now,
                Currency = draft.Kind == SecureMessageKind.PaymentRequest ? draft.Currency : null,
                InvoiceNumber = draft.Kind == SecureMessageKind.PaymentRequest && !string.IsNullOrWhiteSpace(draft.InvoiceNumber) ? draft.InvoiceNumber.Trim() : null,
                Amount = draft.Kind == SecureMessageKind.PaymentRequest ? draft.Amount : null,
                IncludeFee = draft.Kind == SecureMessageKind.PaymentRequest && draft.IncludeFee,
                Fee = fee,
            };
            message.PasswordHash = passwords.Hash(message, draft.Password);
            foreach (var attachment in stored)
            {
                db.Attachments.Add(new SecureMessageAttachment { Id = Guid.CreateVersion7(), MessageId = id, AttachmentId = attachment.Id, FileName = attachment.FileName, Size = attachment.Size });
            }

            db.Messages.Add(message);
            await db.SaveChangesAsync(cancellationToken);
            sent = true;
            await QueueAsync(message, token, SecureMailAuditActions.Sent, cancellationToken);
            return new SecureMessageSendResult(message, []);
        }
        finally
        {
            if (!sent)
            {
                await AbandonAsync(id, stored, quotaTaken);
            }
        }
    }

    /// <summary>
    /// Sends the message's link again with a new token (the earlier link stops working), e.g. when the
    /// recipient lost the e-mail or it failed. Refused for a revoked or expired message: copy it as new.
    /// </summary>
    public async Task<SecureMessageSendResult> ResendAsync(Guid messageId, CancellationToken cancellationToken = default)
    {
        var message = await db.Messages.SingleOrDefaultAsync(m => m.Id == messageId, cancellationToken);
        if (message is null)
        {
            return SecureMessageSendResult.Refused(SecureMessageFields.Form, "There is no such secure e-mail.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (message.RevokedAt is not null)
        {
            return SecureMessageSendResult.Refused(SecureMessageFields.Form, "This secure e-mail was revoked: copy it as new to send it again.");
        }

        if (message.IsExpired(now))
        {
            return SecureMessageSendResult.Refused(SecureMessageFields.Form, "This secure e-mail has expired: copy it as new to send it again.");
        }

        var token = SecureMessageTokens.NewToken();
        message.TokenHash = SecureMessageTokens.Hash(token);
        message.DeliveredAt = null;
        message.FailedAt = null;
        await db.SaveChangesAsync(cancellationToken);
        await QueueAsync(message, token, SecureMailAuditActions.Resent, cancellationToken);
        return new SecureMessageSendResult(message, []);
    }

    /// <summary>The outbox id of a message's n-th link e-mail: derived, so a retried send queues one e-mail.</summary>
    public static Guid OutboxIdOf(Guid messageId, int sendNumber)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{SecureMailTemplates.LinkName}:{messageId:N}:{sendNumber}"));
        return new Guid(hash.AsSpan(0, 16));
    }

    private async Task QueueAsync(SecureMessage message, string token, string auditAction, CancellationToken cancellationToken)
    {
        var outboxId = OutboxIdOf(message.Id, message.SendCount + 1);
        try
        {
            await mail.QueueLinkAsync(message, token, outboxId, cancellationToken);
            message.SendCount++;
            message.OutboxMessageId = outboxId;
            message.SentAt = clock.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(CancellationToken.None);
            await audit.RecordAsync(new AuditEntry(auditAction, SecureMailAuditTargets.SecureMessage, message.Id.ToString(), message.RecipientEmail), CancellationToken.None);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // No e-mail went out (the outbox refused it, e.g. without a master key): the dashboard shows Failed.
            logger.LogError(ex, "The link e-mail of secure message {MessageId} could not be queued", message.Id);
            message.FailedAt = clock.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(CancellationToken.None);
            await audit.RecordAsync(new AuditEntry(SecureMailAuditActions.SendFailed, SecureMailAuditTargets.SecureMessage, message.Id.ToString(), message.RecipientEmail), CancellationToken.None);
        }
    }

    private async Task AbandonAsync(Guid id, List<AttachmentInfo> stored, bool quotaTaken)
    {
        foreach (var attachment in stored)
        {
            await attachments.DeleteAsync(attachment.Id, CancellationToken.None);
        }

        if (quotaTaken)
        {
            await quotas.ReleaseAsync(PlanQuota.SecurePaymentRequests, id.ToString(), CancellationToken.None);
        }
    }

    private IPaymentRequestPayments? Payments() => payments.LastOrDefault();

    internal static string NewStamp() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    private static string Truncate(string value, int length) => value.Length > length ? value[..length] : value;
}
