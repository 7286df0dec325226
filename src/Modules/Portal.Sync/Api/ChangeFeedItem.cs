using System.Text.Json.Serialization;

namespace Portal.Sync.Api;

/// <summary>One event of the change feed; its details are under the property its kind names (<see cref="ChangeKinds.DetailsProperty"/>).</summary>
public sealed record ChangeFeedItem(string Cursor, string Kind, DateTime OccurredAt, Guid ClientId, string? ClientExternalId)
{
    [JsonExtensionData]
    public IDictionary<string, object?>? Details { get; init; }
}
