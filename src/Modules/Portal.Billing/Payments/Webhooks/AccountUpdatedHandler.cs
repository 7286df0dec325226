using Stripe;

namespace Portal.Billing.Payments.Webhooks;

/// <summary>
/// account.updated: the practice's standing ("Set up payments") is read again from Stripe and stored, so an
/// older event arriving late cannot put back requirements that are already met.
/// </summary>
public sealed class AccountUpdatedHandler(PayoutAccounts accounts, StripeGateway stripe) : IStripeEventHandler
{
    public bool Handles(string eventType) => eventType == EventTypes.AccountUpdated;

    public async Task HandleAsync(Event stripeEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stripeEvent);
        if (stripeEvent.Data?.Object is not Account account)
        {
            return;
        }

        var current = stripe.IsConfigured
            ? await new AccountService(stripe.Client).GetAsync(account.Id, null, null, cancellationToken)
            : account;
        await accounts.ApplyAsync(current, cancellationToken);
    }
}
