using Microsoft.Extensions.Caching.Memory;
using Portal.Clients.Models;
using Portal.Core.Contracts;

namespace Portal.Clients.Services;

/// <summary>
/// This server's copies of who may use which portal today and which active clients each portal holds:
/// every client page asks, and the answer changes rarely. They are keyed on the practice's
/// <see cref="Area"/> data version, which every committed write to clients, portals, their clients or
/// their members bumps (registered in the module's Startup), so a removed user or an archived client
/// loses access on the next request, on every server. Memberships are also keyed on the practice's
/// today, so an end date takes effect at midnight practice time without a write.
/// </summary>
public sealed class ClientAccessCopies(IMemoryCache cache, IPracticeDataVersions versions)
{
    public const string Area = "client-access";

    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    public async Task<IReadOnlyList<ActivePortal>> PortalsOfAsync(Guid practiceId, Guid userId, DateOnly today, Func<Task<IReadOnlyList<ActivePortal>>> load, CancellationToken cancellationToken)
        => (await GetAsync<IReadOnlyList<ActivePortal>>($"portals-of:{practiceId:N}:{await VersionAsync(practiceId, cancellationToken)}:{today:yyyyMMdd}:{userId:N}", async () => await load()))!;

    public async Task<IReadOnlyList<ClientSummary>> ClientsOfAsync(Guid practiceId, Guid portalId, Func<Task<IReadOnlyList<ClientSummary>>> load, CancellationToken cancellationToken)
        => (await GetAsync<IReadOnlyList<ClientSummary>>($"clients-of:{practiceId:N}:{await VersionAsync(practiceId, cancellationToken)}:{portalId:N}", async () => await load()))!;

    /// <summary>A client's name; a client that does not exist is not remembered (made-up ids cannot fill the memory).</summary>
    public async Task<ClientSummary?> ClientAsync(Guid practiceId, Guid clientId, Func<Task<ClientSummary?>> load, CancellationToken cancellationToken)
        => await GetAsync($"client:{practiceId:N}:{await VersionAsync(practiceId, cancellationToken)}:{clientId:N}", load);

    private ValueTask<long> VersionAsync(Guid practiceId, CancellationToken cancellationToken) => versions.CurrentAsync(practiceId, Area, cancellationToken);

    private async Task<T?> GetAsync<T>(string key, Func<Task<T?>> load)
        where T : class
    {
        if (cache.TryGetValue(key, out T? copy) && copy is not null)
        {
            return copy;
        }

        copy = await load();
        if (copy is not null)
        {
            cache.Set(key, copy, Lifetime);
        }

        return copy;
    }
}
