using Portal.Core.Navigation;

namespace Portal.Core.Mail;

/// <summary>The current practice's outgoing mail: queue a message, list and read what was sent.</summary>
public interface IMailOutbox
{
    Task<Guid> QueueAsync(MailDraft draft, CancellationToken cancellationToken = default);

    Task<ListPage<OutboxMessage>> ListAsync(OutboxState? state, int page, int pageSize, CancellationToken cancellationToken = default);

    /// <summary>A stored message as staff may read it: secrets (one-time links) masked.</summary>
    Task<OutboxMessage?> FindAsync(Guid id, CancellationToken cancellationToken = default);

    /// <summary>Queues a failed message again.</summary>
    Task<bool> RetryAsync(Guid id, CancellationToken cancellationToken = default);
}
