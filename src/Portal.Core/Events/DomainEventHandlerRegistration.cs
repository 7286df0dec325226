namespace Portal.Core.Events;

/// <summary>A handler a module registered for one event type; <see cref="Name"/> keys its deliveries.</summary>
public sealed record DomainEventHandlerRegistration(
    string EventType,
    string Name,
    Func<IServiceProvider, string, DomainEventContext, CancellationToken, Task> InvokeAsync);
