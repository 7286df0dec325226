namespace Portal.Core.Events;

/// <summary>
/// A handler a module registered for one event type; <see cref="Name"/> keys its deliveries. With
/// <see cref="RequiredFeature"/>, practices without that feature enabled do not run it.
/// </summary>
public sealed record DomainEventHandlerRegistration(
    string EventType,
    string Name,
    Func<IServiceProvider, string, DomainEventContext, CancellationToken, Task> InvokeAsync)
{
    public string? RequiredFeature { get; init; }
}
