namespace Portal.Core.Mail;

/// <summary>The current practice's outgoing mail: queue a message, list and read what was sent.</summary>
public interface IMailOutbox
{
    Task<Guid> QueueAsync(MailDraft draft, CancellationToken cancellationToken = default);

    Task<OutboxPage> ListAsync(OutboxState? state, int page, int pageSize, CancellationToken cancellationToken = default);

    /// <summary>A stored message as staff may read it: secrets (one-time links) masked.</summary>
    Task<OutboxMessage?> FindAsync(Guid id, CancellationToken cancellationToken = default);

    /// <summary>Queues a failed message again.</summary>
    Task<bool> RetryAsync(Guid id, CancellationToken cancellationToken = default);
}

public sealed record OutboxPage(IReadOnlyList<OutboxMessage> Items, int Total, int Page, int PageSize)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
}
