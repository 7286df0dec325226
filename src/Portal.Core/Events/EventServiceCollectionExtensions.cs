using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;

namespace Portal.Core.Events;

public static class EventServiceCollectionExtensions
{
    /// <summary>
    /// Subscribes <typeparamref name="THandler"/> to <typeparamref name="TEvent"/>. The handler's full
    /// type name keys its deliveries: renaming the class re-delivers events not yet dispatched to it.
    /// With <paramref name="requiredFeature"/> (the module's feature), a practice that has the feature
    /// off does not run the handler: its events are dispatched without it, not kept for later.
    /// </summary>
    public static IServiceCollection AddDomainEventHandler<TEvent, THandler>(this IServiceCollection services, string? requiredFeature = null)
        where TEvent : IDomainEvent
        where THandler : class, IDomainEventHandler<TEvent>
    {
        services.AddScoped<THandler>();
        services.AddSingleton(new DomainEventHandlerRegistration(
            TEvent.EventType,
            typeof(THandler).FullName!,
            (provider, payload, context, cancellationToken) => provider.GetRequiredService<THandler>().HandleAsync(
                JsonSerializer.Deserialize<TEvent>(payload, DomainEventSerializer.Options)
                    ?? throw new InvalidOperationException($"Event {context.EventId} ({TEvent.EventType}) has an empty payload."),
                context,
                cancellationToken))
        {
            RequiredFeature = requiredFeature,
        });
        return services;
    }
}
