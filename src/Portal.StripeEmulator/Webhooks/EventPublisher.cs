using System.Text.Json.Nodes;
using Portal.StripeEmulator.State;

namespace Portal.StripeEmulator.Webhooks;

/// <summary>Records an event (for GET /v1/events) and queues it for every endpoint that should get it.</summary>
internal sealed class EventPublisher(EmulatorStore store, WebhookEndpoints endpoints, WebhookDispatcher dispatcher, TimeProvider clock)
{
    public EventRecord Publish(string type, StripeObject subject, JsonObject? previousAttributes = null)
    {
        // A connected account's objects carry it; an account's own events (account.updated) are its too.
        var account = subject is AccountRecord ? subject.Id : subject.Account;
        var record = new EventRecord(StripeIds.New("evt_"), account, clock.GetUtcNow())
        {
            Type = type,
            DataObject = subject.ToJson(),
            PreviousAttributes = previousAttributes,
        };
        var targets = endpoints.For(account);
        lock (store.Gate)
        {
            foreach (var endpoint in targets)
            {
                record.PendingEndpoints.Add(endpoint.Url.ToString());
            }

            store.Add(record);
        }

        foreach (var endpoint in targets)
        {
            dispatcher.Enqueue(new WebhookDelivery(record, endpoint, 1));
        }

        return record;
    }
}
