using System.Text.Json;
using System.Text.Json.Serialization;

namespace PortalSync.Api;

/// <summary>A batch's answer (docs/api.md, "Batches").</summary>
internal sealed record BatchResult(int Created, int Updated, int Unchanged, int Deleted, int Failed, IReadOnlyList<ItemResult> Results);

internal sealed record ItemResult(string? ExternalId, string Status)
{
    public string? Id { get; init; }

    public IReadOnlyList<FieldError>? Errors { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; init; }
}

internal sealed record FieldError(string? Field, string? Code, string? Message);

internal static class ItemStatus
{
    public const string Created = "created";
    public const string Updated = "updated";
    public const string Unchanged = "unchanged";
    public const string Deleted = "deleted";
    public const string Error = "error";
    public const string Upload = "upload";
}
