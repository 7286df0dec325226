using Stripe;
using Stripe.Checkout;

namespace Portal.Billing.Payments.Webhooks;

/// <summary>
/// checkout.session.completed, .async_payment_succeeded, .async_payment_failed and .expired: the session
/// is retrieved from the practice's connected account, so whatever order the events come in, the books
/// get the session as it is now (<see cref="CheckoutSettlement"/> records it once and only moves it forward).
/// </summary>
public sealed class CheckoutSessionEventHandler(CheckoutSettlement settlement, StripeGateway stripe) : IStripeEventHandler
{
    private static readonly HashSet<string> Types =
    [
        EventTypes.CheckoutSessionCompleted,
        EventTypes.CheckoutSessionAsyncPaymentSucceeded,
        EventTypes.CheckoutSessionAsyncPaymentFailed,
        EventTypes.CheckoutSessionExpired,
    ];

    public bool Handles(string eventType) => Types.Contains(eventType);

    public async Task HandleAsync(Event stripeEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stripeEvent);
        if (stripeEvent.Data?.Object is not Session sent || string.IsNullOrEmpty(stripeEvent.Account))
        {
            return;
        }

        var on = StripeGateway.On(stripeEvent.Account);
        var session = await new SessionService(stripe.Client).GetAsync(sent.Id, new SessionGetOptions { Expand = ["payment_intent"] }, on, cancellationToken);

        // Stripe answers the expanded intent (its latest charge is the payment's charge id); an answer with the id only is completed here.
        if (session.PaymentIntent is null && !string.IsNullOrEmpty(session.PaymentIntentId))
        {
            session.PaymentIntent = await new PaymentIntentService(stripe.Client).GetAsync(session.PaymentIntentId, null, on, cancellationToken);
        }

        await settlement.ApplyAsync(session, asyncPaymentFailed: stripeEvent.Type == EventTypes.CheckoutSessionAsyncPaymentFailed, cancellationToken);
    }
}
