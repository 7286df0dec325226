using Portal.Core.Events;

namespace Portal.Documents.Services;

/// <summary>Each finished upload schedules its batch's fallback notice (in case the browser never says the batch is complete).</summary>
public sealed class FallbackNoticeOnUpload(DocumentNotifications notifications) : IDomainEventHandler<DocumentUploaded>
{
    public Task HandleAsync(DocumentUploaded domainEvent, DomainEventContext context, CancellationToken cancellationToken)
        => notifications.ScheduleFallbackNoticeAsync(domainEvent, context.OccurredAt, cancellationToken);
}
