using System.Text.Json.Serialization;

namespace Portal.Sync.Api;

/// <summary>One item's outcome, in the order of the batch's items.</summary>
public sealed record SyncItemResult(string? ExternalId, string Status)
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public Guid? Id { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<SyncFieldError>? Errors { get; init; }

    /// <summary>Kind-specific extras (a document's upload address, a portal user's pending e-mail change).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    [JsonExtensionData]
    public IDictionary<string, object?>? Extra { get; init; }

    public static SyncItemResult Failed(string? externalId, params SyncFieldError[] errors)
        => new(externalId, SyncItemStatus.Error) { Errors = errors };
}
