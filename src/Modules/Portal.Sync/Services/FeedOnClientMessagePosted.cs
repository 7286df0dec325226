using Portal.Core.Events;
using Portal.Sync.Api;

namespace Portal.Sync.Services;

/// <summary>A message from a client's portal user enters the change feed.</summary>
internal sealed class FeedOnClientMessagePosted(ChangeFeedWriter feed) : IDomainEventHandler<ClientMessagePosted>
{
    public Task HandleAsync(ClientMessagePosted domainEvent, DomainEventContext context, CancellationToken cancellationToken)
        => feed.AppendAsync(context, ChangeKinds.Message, domainEvent.ClientId, new ChangedMessage(domainEvent.ThreadId, domainEvent.Subject, domainEvent.AuthorName, domainEvent.Text), cancellationToken);
}
