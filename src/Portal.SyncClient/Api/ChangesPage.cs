using System.Text.Json;

namespace PortalSync.Api;

/// <summary>GET /api/v1/changes: events in order; <see cref="Next"/> is the cursor to keep.</summary>
internal sealed record ChangesPage(IReadOnlyList<ChangeEvent> Items, string? Next, bool HasMore);

internal sealed record ChangeEvent(string Cursor, string Kind, DateTimeOffset OccurredAt, string? ClientId, string? ClientExternalId)
{
    public JsonElement? Payment { get; init; }

    public JsonElement? Message { get; init; }

    public JsonElement? Task { get; init; }
}
