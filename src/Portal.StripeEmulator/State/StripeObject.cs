using System.Text.Json.Nodes;

namespace Portal.StripeEmulator.State;

/// <summary>What every stored object has: an id, a creation time, and the account it lives on (null: the platform).</summary>
internal abstract class StripeObject
{
    protected StripeObject(string id, string? account, DateTimeOffset created)
    {
        Id = id;
        Account = account;
        Created = created;
    }

    public string Id { get; }

    /// <summary>The connected account the object was created under (Stripe-Account), or null for the platform's own.</summary>
    public string? Account { get; }

    public DateTimeOffset Created { get; }

    /// <summary>The object as Stripe's API renders it.</summary>
    public abstract JsonObject ToJson();

    protected static JsonObject MetadataJson(IReadOnlyDictionary<string, string> metadata)
    {
        var json = new JsonObject();
        foreach (var (key, value) in metadata)
        {
            json[key] = value;
        }

        return json;
    }
}
