using Portal.Core.Contracts;

namespace Portal.Documents.Services;

/// <summary>
/// How a "new documents" notice reaches a portal user: through the practice's reminders queue when
/// the Notifications module is in the host (<see cref="NotificationsIntegration"/>), otherwise
/// straight to the outbox.
/// </summary>
public interface IDocumentsSentDelivery
{
    Task DeliverAsync(ReminderRequest notice, CancellationToken cancellationToken);
}
