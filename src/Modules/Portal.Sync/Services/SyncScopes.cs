using OpenIddict.Abstractions;

namespace Portal.Sync.Services;

/// <summary>What a connected program may ask for, and the sentence the consent page shows for each.</summary>
public static class SyncScopes
{
    public const string Sync = "sync";

    public const string OfflineAccess = OpenIddictConstants.Scopes.OfflineAccess;

    public static readonly IReadOnlyDictionary<string, string> Descriptions = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [Sync] = "Read and change the practice's clients, portal users, invoices, payments, projects and documents, and download the files clients upload.",
        [OfflineAccess] = "Keep working without you, on its schedule, until the connection is revoked.",
    };

    /// <summary>The sentences for a request's scopes, in its order (an unknown scope by its name).</summary>
    public static IReadOnlyList<string> Describe(IEnumerable<string> scopes)
        => scopes.Select(s => Descriptions.TryGetValue(s, out var text) ? text : s).ToList();
}
