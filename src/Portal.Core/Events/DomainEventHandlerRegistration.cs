namespace Portal.Core.Events;

/// <summary>
/// A handler a module registered for one event type; <see cref="Name"/> keys its deliveries. With
/// <see cref="RequiredFeature"/>, practices without that feature enabled do not run it; with
/// <see cref="Takes"/>, events it returns false for are not handed to it.
/// </summary>
public sealed record DomainEventHandlerRegistration(
    string EventType,
    string Name,
    Func<string, object> Read,
    Func<IServiceProvider, object, DomainEventContext, CancellationToken, Task> InvokeAsync)
{
    public string? RequiredFeature { get; init; }

    /// <summary>
    /// Which events of its type the handler acts on, decided from the event alone when it is published:
    /// an event none of its type's handlers takes is written dispatched and queues no job (a synced
    /// offline payment cost a dispatch job that each handler returned from at once). Null takes all.
    /// </summary>
    public Func<object, bool>? Takes { get; init; }

    /// <summary>Whether this handler runs for <paramref name="domainEvent"/> of <paramref name="tenant"/>: asked at publish and again at dispatch.</summary>
    public bool Handles(object domainEvent, Tenancy.TenantDescriptor tenant)
        => (RequiredFeature is null || tenant.IsFeatureEnabled(RequiredFeature)) && (Takes is null || Takes(domainEvent));
}
