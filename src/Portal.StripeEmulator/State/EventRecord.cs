using System.Text.Json.Nodes;

namespace Portal.StripeEmulator.State;

/// <summary>An event: a snapshot of the object when it happened, and whether every endpoint has had it.</summary>
internal sealed class EventRecord : StripeObject
{
    public EventRecord(string id, string? account, DateTimeOffset created)
        : base(id, account, created)
    {
    }

    public required string Type { get; init; }

    public required JsonObject DataObject { get; init; }

    public JsonObject? PreviousAttributes { get; init; }

    /// <summary>Endpoints (by URL) that should get this event and have not answered 2xx yet.</summary>
    public HashSet<string> PendingEndpoints { get; } = new(StringComparer.Ordinal);

    public bool DeliverySucceeded => PendingEndpoints.Count == 0;

    public override JsonObject ToJson()
    {
        var data = new JsonObject { ["object"] = DataObject.DeepClone() };
        if (PreviousAttributes is not null)
        {
            data["previous_attributes"] = PreviousAttributes.DeepClone();
        }

        var json = new JsonObject
        {
            ["id"] = Id,
            ["object"] = "event",
            ["api_version"] = StripeApiVersion.Current,
            ["created"] = Created.ToUnixTimeSeconds(),
            ["data"] = data,
            ["livemode"] = false,
            ["pending_webhooks"] = PendingEndpoints.Count,
            ["request"] = new JsonObject { ["id"] = null, ["idempotency_key"] = null },
            ["type"] = Type,
        };
        if (Account is not null)
        {
            json["account"] = Account;
        }

        return json;
    }
}
