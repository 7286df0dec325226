using Portal.Core.Contracts;

namespace Portal.Documents.Services;

/// <summary>Notices wait in the practice's reminders queue when it reviews them before sending.</summary>
internal sealed class DocumentsSentThroughReminders(IReminderQueue reminders) : IDocumentsSentDelivery
{
    public async Task DeliverAsync(ReminderRequest notice, CancellationToken cancellationToken)
        => await reminders.QueueAsync(notice, cancellationToken);
}
