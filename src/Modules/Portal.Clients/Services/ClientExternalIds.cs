using Microsoft.EntityFrameworkCore;
using Portal.Clients.Data;

namespace Portal.Clients.Services;

/// <summary>Clients by the practice program's ids and back (exact match), for the sync API's references.</summary>
public sealed class ClientExternalIds(ClientsDbContext db)
{
    public async Task<IReadOnlyDictionary<string, Guid>> IdsAsync(IReadOnlyCollection<string> externalIds, CancellationToken cancellationToken = default)
    {
        if (externalIds.Count == 0)
        {
            return new Dictionary<string, Guid>();
        }

        var wanted = externalIds.Distinct(StringComparer.Ordinal).ToList();
        return await db.Clients.AsNoTracking().Where(c => c.ExternalId != null && wanted.Contains(c.ExternalId))
            .ToDictionaryAsync(c => c.ExternalId!, c => c.Id, StringComparer.Ordinal, cancellationToken);
    }

    public async Task<IReadOnlyDictionary<Guid, string>> ExternalIdsAsync(IReadOnlyCollection<Guid> clientIds, CancellationToken cancellationToken = default)
    {
        if (clientIds.Count == 0)
        {
            return new Dictionary<Guid, string>();
        }

        var wanted = clientIds.Distinct().ToList();
        return await db.Clients.AsNoTracking().Where(c => c.ExternalId != null && wanted.Contains(c.Id))
            .ToDictionaryAsync(c => c.Id, c => c.ExternalId!, cancellationToken);
    }
}
