using Microsoft.EntityFrameworkCore;
using Portal.Core.Mail;
using Portal.SecureMail.Data;

namespace Portal.SecureMail.Services;

/// <summary>"Delivered to the mail server" or "failed": the outbox's send job tells this when the link e-mail went or was given up.</summary>
internal sealed class SecureMessageDelivery(SecureMailDbContext db) : IOutboxDeliveryObserver
{
    public async Task OnDeliveryAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        if (message.Template != SecureMailTemplates.LinkName)
        {
            return;
        }

        var at = message.SentAt ?? DateTime.UtcNow;
        if (message.State == OutboxState.Sent)
        {
            await db.Messages.Where(m => m.OutboxMessageId == message.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.DeliveredAt, at).SetProperty(m => m.FailedAt, (DateTime?)null), cancellationToken);
        }
        else if (message.State == OutboxState.Failed)
        {
            await db.Messages.Where(m => m.OutboxMessageId == message.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.FailedAt, DateTime.UtcNow), cancellationToken);
        }
    }
}
