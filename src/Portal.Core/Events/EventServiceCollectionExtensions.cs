using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;

namespace Portal.Core.Events;

public static class EventServiceCollectionExtensions
{
    /// <summary>
    /// Subscribes <typeparamref name="THandler"/> to <typeparamref name="TEvent"/>. The handler's full
    /// type name keys its deliveries: renaming the class re-delivers events not yet dispatched to it.
    /// With <paramref name="requiredFeature"/> (the module's feature), a practice that has the feature
    /// off does not run the handler: its events are dispatched without it, not kept for later. With
    /// <paramref name="takes"/> (best the handler's own test, so the two never differ), the handler is
    /// given only the events it returns true for (asked at publish and at dispatch).
    /// </summary>
    public static IServiceCollection AddDomainEventHandler<TEvent, THandler>(
        this IServiceCollection services, string? requiredFeature = null, Func<TEvent, bool>? takes = null)
        where TEvent : IDomainEvent
        where THandler : class, IDomainEventHandler<TEvent>
    {
        services.AddScoped<THandler>();
        services.AddSingleton(new DomainEventHandlerRegistration(
            TEvent.EventType,
            typeof(THandler).FullName!,
            payload => JsonSerializer.Deserialize<TEvent>(payload, DomainEventSerializer.Options)
                ?? throw new InvalidOperationException($"An event of {TEvent.EventType} has an empty payload."),
            (provider, domainEvent, context, cancellationToken) => provider.GetRequiredService<THandler>().HandleAsync((TEvent)domainEvent, context, cancellationToken))
        {
            RequiredFeature = requiredFeature,
            Takes = takes is null ? null : domainEvent => domainEvent is TEvent typed && takes(typed),
        });
        return services;
    }
}
