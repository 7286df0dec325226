using Portal.Core.Events;
using Portal.Sync.Api;

namespace Portal.Sync.Services;

/// <summary>A client's task that was done enters the change feed.</summary>
internal sealed class FeedOnClientTaskCompleted(ChangeFeedWriter feed) : IDomainEventHandler<ClientTaskCompleted>
{
    public Task HandleAsync(ClientTaskCompleted domainEvent, DomainEventContext context, CancellationToken cancellationToken)
        => feed.AppendAsync(context, ChangeKinds.TaskCompleted, domainEvent.ClientId, new ChangedTask(domainEvent.TaskId, domainEvent.Title, domainEvent.CompletedAt), cancellationToken);
}
