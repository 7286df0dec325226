using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Portal.Clients.Data;
using Portal.Sync.Api;
using Portal.Sync.Data;

namespace Portal.Sync.Services;

/// <summary>Reads the change feed a page at a time, after a cursor, with each client's current external id.</summary>
internal sealed class ChangeFeed(SyncDbContext db, ClientsDbContext clients)
{
    public async Task<ChangeFeedPage> ReadAsync(long after, int limit, CancellationToken cancellationToken)
    {
        var rows = await db.Changes.AsNoTracking().Where(c => c.Sequence > after).OrderBy(c => c.Sequence).Take(limit + 1).ToListAsync(cancellationToken);
        var hasMore = rows.Count > limit;
        if (hasMore)
        {
            rows.RemoveAt(rows.Count - 1);
        }

        var clientIds = rows.Select(r => r.ClientId).Distinct().ToList();
        var externalIds = clientIds.Count == 0
            ? []
            : await clients.Clients.AsNoTracking().Where(c => clientIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.ExternalId, cancellationToken);
        var items = rows.Select(r => new ChangeFeedItem(ChangeCursor.Of(r.Sequence), r.Kind, DateTime.SpecifyKind(r.OccurredAt, DateTimeKind.Utc), r.ClientId, externalIds.GetValueOrDefault(r.ClientId))
        {
            Details = new Dictionary<string, object?> { [ChangeKinds.DetailsProperty(r.Kind)] = JsonDocument.Parse(r.Payload).RootElement.Clone() },
        }).ToList();
        return new ChangeFeedPage(items, ChangeCursor.Of(rows.Count > 0 ? rows[^1].Sequence : after), hasMore);
    }
}
