using System.Text.Json.Nodes;
using Portal.StripeEmulator.State;
using Portal.StripeEmulator.Webhooks;

namespace Portal.StripeEmulator.Flows;

/// <summary>Changes to a connected account's standing, each announced with account.updated.</summary>
internal sealed class OnboardingFlow(EmulatorStore store, EventPublisher events)
{
    /// <summary>The person finished the hosted onboarding: everything submitted, charges and payouts enabled.</summary>
    public void Complete(AccountRecord account, string? businessName)
    {
        lock (store.Gate)
        {
            var previous = Snapshot(account);
            account.DetailsSubmitted = true;
            account.ChargesEnabled = true;
            account.PayoutsEnabled = true;
            account.CurrentlyDue = [];
            if (!string.IsNullOrWhiteSpace(businessName))
            {
                account.BusinessName = businessName.Trim();
            }

            events.Publish("account.updated", account, previous);
        }
    }

    /// <summary>Stripe asks for more (control API): new requirements, and optionally charges or payouts switched off.</summary>
    public void SetRequirements(AccountRecord account, IReadOnlyList<string> currentlyDue, bool? chargesEnabled, bool? payoutsEnabled)
    {
        lock (store.Gate)
        {
            var previous = Snapshot(account);
            account.CurrentlyDue = [.. currentlyDue];
            account.ChargesEnabled = chargesEnabled ?? account.ChargesEnabled;
            account.PayoutsEnabled = payoutsEnabled ?? account.PayoutsEnabled;
            events.Publish("account.updated", account, previous);
        }
    }

    private static JsonObject Snapshot(AccountRecord account) => new()
    {
        ["charges_enabled"] = account.ChargesEnabled,
        ["payouts_enabled"] = account.PayoutsEnabled,
        ["details_submitted"] = account.DetailsSubmitted,
        ["requirements"] = new JsonObject { ["currently_due"] = new JsonArray([.. account.CurrentlyDue.Select(d => (JsonNode?)d)]) },
    };
}
