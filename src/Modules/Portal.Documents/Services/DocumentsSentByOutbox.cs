using Portal.Core.Contracts;
using Portal.Core.Mail;

namespace Portal.Documents.Services;

/// <summary>Without a reminders queue to review them in, notices are composed and sent at once.</summary>
internal sealed class DocumentsSentByOutbox(DocumentsSentReminderKind kind, IMailOutbox outbox) : IDocumentsSentDelivery
{
    public async Task DeliverAsync(ReminderRequest notice, CancellationToken cancellationToken)
    {
        if (await kind.ComposeAsync(notice, preview: false, cancellationToken) is { } draft)
        {
            await outbox.QueueAsync(draft, cancellationToken);
        }
    }
}
