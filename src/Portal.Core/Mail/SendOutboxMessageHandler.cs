using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portal.Core.Data;
using Portal.Core.Jobs;
using Portal.Core.Settings;
using Portal.Core.Tenancy;

namespace Portal.Core.Mail;

public sealed record SendOutboxMessage(Guid MessageId);

/// <summary>Sends one outbox message; a message already sent is skipped, so a repeated job sends nothing twice.</summary>
public sealed class SendOutboxMessageHandler(
    CoreTenantDbContext db,
    IMailTransport transport,
    PracticeSmtpServer practiceServer,
    OutboxSecrets secrets,
    TenantContext tenantContext,
    SiteSettingsStore settings,
    IOptions<MailOptions> options,
    TimeProvider clock,
    IEnumerable<IOutboxDeliveryObserver> observers,
    ILogger<SendOutboxMessageHandler> logger) : IJobHandler<SendOutboxMessage>
{
    public static string JobType => "mail.send";

    public async Task ExecuteAsync(SendOutboxMessage payload, JobContext context, CancellationToken cancellationToken)
    {
        var message = await db.OutboxMessages.SingleOrDefaultAsync(m => m.Id == payload.MessageId, cancellationToken);
        if (message is null || message.State == OutboxState.Sent)
        {
            return;
        }

        var site = await settings.GetAsync<SiteSettings>(cancellationToken);
        var identity = await settings.GetAsync<MailIdentitySettings>(cancellationToken);
        var ownServer = identity.UseOwnSmtp && practiceServer.IsAllowed;
        message.Attempts++;
        try
        {
            var mail = new OutgoingMail(
                message.Id,
                ownServer ? identity.FromAddress! : options.Value.FromAddress,
                string.IsNullOrWhiteSpace(identity.SenderName) ? tenantContext.Tenant.DisplayName : identity.SenderName,
                string.IsNullOrWhiteSpace(identity.ReplyTo) ? site.ContactEmail : identity.ReplyTo,
                message.To.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                message.Subject,
                secrets.Open(message.HtmlBody, message.SealedSecrets),
                secrets.Open(message.TextBody, message.SealedSecrets));
            if (ownServer)
            {
                await practiceServer.SendAsync(identity, mail, cancellationToken);
            }
            else
            {
                await transport.SendAsync(mail, cancellationToken);
            }

            message.State = OutboxState.Sent;
            message.SentAt = clock.GetUtcNow().UtcDateTime;
            message.LastError = null;

            // The link has gone out; the stored copy keeps only its masked form.
            message.SealedSecrets = null;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            message.LastError = ex.Message.Length > 2000 ? ex.Message[..2000] : ex.Message;
            if (context.IsLastAttempt)
            {
                message.State = OutboxState.Failed;
            }

            await db.SaveChangesAsync(CancellationToken.None);
            if (message.State == OutboxState.Failed)
            {
                await TellObserversAsync(message);
            }

            throw;
        }

        await db.SaveChangesAsync(CancellationToken.None);
        await TellObserversAsync(message);
    }

    private async Task TellObserversAsync(OutboxMessage message)
    {
        foreach (var observer in observers)
        {
            try
            {
                await observer.OnDeliveryAsync(message, CancellationToken.None);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The message went (or was given up) whatever an observer does: a repeated job would skip it anyway.
                logger.LogError(ex, "Outbox delivery observer {Observer} failed for message {MessageId}", observer.GetType().Name, message.Id);
            }
        }
    }
}
