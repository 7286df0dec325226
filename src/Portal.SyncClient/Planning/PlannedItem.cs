using System.Text.Json.Nodes;
using PortalSync.Data;

namespace PortalSync.Planning;

/// <summary>One item to send: its body, the hash of that body (kept once the portal acknowledges it), and a document's file.</summary>
internal sealed record PlannedItem(string ExternalId, JsonObject Body, string Hash, PracticeDocument? Document = null, string? FileSha256 = null, long FileLength = 0)
{
    public bool IsTombstone => Body.ContainsKey("deleted");
}
