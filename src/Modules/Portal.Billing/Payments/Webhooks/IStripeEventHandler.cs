using Stripe;

namespace Portal.Billing.Payments.Webhooks;

/// <summary>
/// Acts on Stripe events of some types for the practice the event belongs to. The webhook receiver only
/// verifies and stores an event; a durable job later calls every handler that <see cref="Handles"/> its
/// type, in the practice's unit of work. Stripe delivers late, twice and out of order, and reconciliation
/// may hand over an event again: a handler must be idempotent and should read the object's current state
/// from Stripe (or compare with what is stored) rather than trust the order of arrival. Throwing fails the
/// job, which is retried with the queue's backoff.
/// </summary>
public interface IStripeEventHandler
{
    /// <summary>Whether this handler acts on the event type (Stripe.net's <c>EventTypes</c> constants).</summary>
    bool Handles(string eventType);

    Task HandleAsync(Event stripeEvent, CancellationToken cancellationToken);
}
