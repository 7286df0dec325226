using Stripe;

namespace Portal.Billing.Payments.Webhooks;

/// <summary>The event types the portal acts on: the ones reconciliation looks for when webhooks were missed.</summary>
public static class StripeEventTypesReconciled
{
    public static readonly IReadOnlyList<string> All =
    [
        EventTypes.CheckoutSessionCompleted,
        EventTypes.CheckoutSessionAsyncPaymentSucceeded,
        EventTypes.CheckoutSessionAsyncPaymentFailed,
        EventTypes.CheckoutSessionExpired,
        EventTypes.ChargeRefunded,
        EventTypes.AccountUpdated,
    ];
}
