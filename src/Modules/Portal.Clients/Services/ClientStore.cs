using Microsoft.EntityFrameworkCore;
using Portal.Clients.Data;
using Portal.Clients.Models;
using Portal.Core.Contracts;
using Portal.Core.Events;
using Portal.Core.Navigation;
using Portal.Core.Security;
using Portal.Core.Text;

namespace Portal.Clients.Services;

/// <summary>Creating, changing, archiving and listing the practice's clients.</summary>
public sealed class ClientStore(ClientsDbContext db, IAuditLog audit, IDomainEventPublisher events, ICurrentActor actor, TimeProvider clock)
{
    public async Task<ListPage<ClientListItem>> ListAsync(ClientListQuery query, CancellationToken cancellationToken = default)
    {
        var clients = db.Clients.AsNoTracking().Where(c => c.Status == query.Status);
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var term = query.Search.Trim().ToLowerInvariant();
            clients = clients.Where(c => c.NormalizedName.Contains(term)
                || (c.ExternalId != null && c.ExternalId.ToLower().Contains(term))
                || c.Emails.Any(e => e.Email.ToLower().Contains(term)));
        }

        var total = await clients.CountAsync(cancellationToken);
        var ordered = (query.Sort, query.Descending) switch
        {
            (ClientSort.Kind, false) => clients.OrderBy(c => c.Kind).ThenBy(c => c.NormalizedName).ThenBy(c => c.Id),
            (ClientSort.Kind, true) => clients.OrderByDescending(c => c.Kind).ThenBy(c => c.NormalizedName).ThenBy(c => c.Id),
            (ClientSort.Created, false) => clients.OrderBy(c => c.CreatedAt).ThenBy(c => c.Id),
            (ClientSort.Created, true) => clients.OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id),
            (_, true) => clients.OrderByDescending(c => c.NormalizedName).ThenByDescending(c => c.Id),
            _ => clients.OrderBy(c => c.NormalizedName).ThenBy(c => c.Id),
        };
        var page = ListPage.Clamp(query.Page, total, query.PageSize);
        var rows = await ordered.Skip((page - 1) * query.PageSize).Take(query.PageSize)
            .Select(c => new { c.Id, c.Name, c.Kind, c.ExternalId, c.CreatedAt })
            .ToListAsync(cancellationToken);

        var ids = rows.Select(r => r.Id).ToList();
        var emails = (await db.ClientEmails.AsNoTracking().Where(e => ids.Contains(e.ClientId)).OrderBy(e => e.Position).ToListAsync(cancellationToken))
            .ToLookup(e => e.ClientId, e => e.Email);
        var portals = await (from pc in db.PortalClients.AsNoTracking()
                             join p in db.Portals on pc.PortalId equals p.Id
                             where ids.Contains(pc.ClientId)
                             select new { pc.ClientId, p.Id, p.Name }).ToDictionaryAsync(x => x.ClientId, cancellationToken);

        var items = rows.Select(r => new ClientListItem(
            r.Id,
            r.Name,
            r.Kind,
            r.ExternalId,
            emails[r.Id].ToList(),
            portals.GetValueOrDefault(r.Id)?.Id,
            portals.GetValueOrDefault(r.Id)?.Name,
            r.CreatedAt)).ToList();
        return new ListPage<ClientListItem>(items, total, page, query.PageSize);
    }

    public Task<Client?> FindAsync(Guid id, CancellationToken cancellationToken = default)
        => db.Clients.AsNoTracking().Include(c => c.Emails.OrderBy(e => e.Position)).SingleOrDefaultAsync(c => c.Id == id, cancellationToken);

    /// <summary>The portal the client is in, if any.</summary>
    public Task<ClientPortal?> PortalOfAsync(Guid clientId, CancellationToken cancellationToken = default)
        => (from pc in db.PortalClients.AsNoTracking()
            join p in db.Portals on pc.PortalId equals p.Id
            where pc.ClientId == clientId
            select p).SingleOrDefaultAsync(cancellationToken);

    public async Task<SaveResult<Client>> CreateAsync(ClientInput input, CancellationToken cancellationToken = default)
    {
        input = ClientRules.Clean(input);
        var errors = await CheckAsync(input, null, cancellationToken);
        if (errors.Count > 0)
        {
            return SaveResult.Failed<Client>(errors);
        }

        var client = Add(input, clock.GetUtcNow().UtcDateTime);
        if (!await TrySaveAsync(input.ExternalId is not null, cancellationToken))
        {
            return SaveResult.Failed<Client>(ExternalIdTaken(input.ExternalId!, null));
        }

        await audit.RecordAsync(new AuditEntry(ClientAuditActions.ClientCreated, AuditTargetTypes.Client, client.Id.ToString(), client.Name), cancellationToken);
        return SaveResult.Ok<Client>(client);
    }

    /// <summary>
    /// The batch form of <see cref="CreateAsync"/> (the sync API's new contacts): every input checked as
    /// there, the external ids in one read, and the clients that pass saved in one save, each result in
    /// order. A save the unique index refuses (an external id taken meanwhile) throws, so a caller runs
    /// it where it can be undone.
    /// </summary>
    public async Task<IReadOnlyList<SaveResult<Client>>> CreateManyAsync(IReadOnlyList<ClientInput> inputs, CancellationToken cancellationToken = default)
    {
        var cleaned = inputs.Select(ClientRules.Clean).ToList();
        var externalIds = cleaned.Select(i => i.ExternalId).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var owners = externalIds.Count == 0
            ? []
            : await db.Clients.AsNoTracking().Where(c => c.ExternalId != null && externalIds.Contains(c.ExternalId))
                .ToDictionaryAsync(c => c.ExternalId!, c => c.Name, StringComparer.Ordinal, cancellationToken);
        var claimed = new HashSet<string>(StringComparer.Ordinal);
        var results = new SaveResult<Client>[cleaned.Count];
        var made = new List<(int Index, Client Client)>();
        var now = clock.GetUtcNow().UtcDateTime;
        for (var i = 0; i < cleaned.Count; i++)
        {
            var input = cleaned[i];
            var errors = ClientRules.Validate(input).ToList();
            if (input.ExternalId is { } externalId && errors.All(e => e.Field != "ExternalId"))
            {
                if (owners.TryGetValue(externalId, out var owner))
                {
                    errors.Add(ExternalIdTaken(externalId, owner));
                }
                else if (!claimed.Add(externalId))
                {
                    errors.Add(ExternalIdTaken(externalId, null));
                }
            }

            if (errors.Count > 0)
            {
                results[i] = SaveResult.Failed<Client>(errors);
                continue;
            }

            made.Add((i, Add(input, now)));
        }

        if (made.Count > 0)
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        foreach (var (index, client) in made)
        {
            await audit.RecordAsync(new AuditEntry(ClientAuditActions.ClientCreated, AuditTargetTypes.Client, client.Id.ToString(), client.Name), cancellationToken);
            results[index] = SaveResult.Ok(client);
        }

        return results;
    }

    public async Task<SaveResult<Client>> UpdateAsync(Guid id, ClientInput input, CancellationToken cancellationToken = default)
    {
        var client = await db.Clients.Include(c => c.Emails).SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (client is null)
        {
            return SaveResult.Failed<Client>(new FieldError("", "This client no longer exists."));
        }

        input = ClientRules.Clean(input);
        var errors = await CheckAsync(input, id, cancellationToken);
        if (errors.Count > 0)
        {
            return SaveResult.Failed<Client>(errors);
        }

        Apply(client, input, clock.GetUtcNow().UtcDateTime);
        if (!await TrySaveAsync(input.ExternalId is not null, cancellationToken))
        {
            return SaveResult.Failed<Client>(ExternalIdTaken(input.ExternalId!, null));
        }

        await audit.RecordAsync(new AuditEntry(ClientAuditActions.ClientUpdated, AuditTargetTypes.Client, client.Id.ToString(), client.Name), cancellationToken);
        return SaveResult.Ok<Client>(client);
    }

    /// <summary>Archives or restores; false when the client does not exist or already has that status.</summary>
    public async Task<bool> SetStatusAsync(Guid id, ClientStatus status, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        DateTime? archivedAt = status == ClientStatus.Archived ? now : null;
        var changed = await db.Clients.Where(c => c.Id == id && c.Status != status)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, status).SetProperty(c => c.ArchivedAt, archivedAt).SetProperty(c => c.UpdatedAt, now), cancellationToken);
        if (changed == 0)
        {
            return false;
        }

        var name = await db.Clients.Where(c => c.Id == id).Select(c => c.Name).SingleAsync(cancellationToken);
        await audit.RecordAsync(new AuditEntry(status == ClientStatus.Archived ? ClientAuditActions.ClientArchived : ClientAuditActions.ClientRestored, AuditTargetTypes.Client, id.ToString(), name), cancellationToken);
        return true;
    }

    /// <summary>Existing clients holding any of these external ids (exact match), by id.</summary>
    public async Task<IReadOnlyDictionary<string, string>> ClientsByExternalIdAsync(IReadOnlyCollection<string> externalIds, CancellationToken cancellationToken = default)
    {
        if (externalIds.Count == 0)
        {
            return new Dictionary<string, string>();
        }

        var ids = externalIds.ToList();
        return await db.Clients.AsNoTracking().Where(c => c.ExternalId != null && ids.Contains(c.ExternalId))
            .ToDictionaryAsync(c => c.ExternalId!, c => c.Name, StringComparer.Ordinal, cancellationToken);
    }

    /// <summary>The clients holding these external ids, with their e-mail addresses, in one query (the sync API compares before it writes).</summary>
    public async Task<IReadOnlyList<Client>> FindByExternalIdsAsync(IReadOnlyCollection<string> externalIds, CancellationToken cancellationToken = default)
    {
        var ids = externalIds.ToList();
        return ids.Count == 0
            ? []
            : await db.Clients.AsNoTracking().AsSplitQuery().Include(c => c.Emails.OrderBy(e => e.Position))
                .Where(c => c.ExternalId != null && ids.Contains(c.ExternalId)).ToListAsync(cancellationToken);
    }

    /// <summary>The portal each of these clients is in (clients in none are left out), in one query.</summary>
    public async Task<IReadOnlyDictionary<Guid, Guid>> PortalIdsOfAsync(IReadOnlyCollection<Guid> clientIds, CancellationToken cancellationToken = default)
    {
        var ids = clientIds.ToList();
        return ids.Count == 0
            ? new Dictionary<Guid, Guid>()
            : await db.PortalClients.AsNoTracking().Where(pc => ids.Contains(pc.ClientId)).ToDictionaryAsync(pc => pc.ClientId, pc => pc.PortalId, cancellationToken);
    }

    /// <summary>A new client from the (checked) input, added with its event, to be saved.</summary>
    private Client Add(ClientInput input, DateTime now)
    {
        var client = new Client { Id = Guid.CreateVersion7(), Status = ClientStatus.Active, CreatedAt = now, CreatedBy = actor.Actor.UserId };
        Apply(client, input, now);
        db.Clients.Add(client);
        events.Publish(db, new ClientCreated(client.Id, client.Name));
        return client;
    }

    internal static void Apply(Client client, ClientInput input, DateTime now)
    {
        client.Kind = input.Kind;
        client.Name = input.Name;
        client.NormalizedName = Client.Normalize(input.Name);
        client.Phone = input.Phone;
        client.Address = input.Address;
        if (input.Province is not null)
        {
            client.Province = input.Province.Length == 0 ? null : input.Province;
        }
        client.ExternalId = input.ExternalId;
        client.Notes = input.Notes;
        client.UpdatedAt = now;

        var wanted = input.Emails.ToList();
        client.Emails.RemoveAll(e => !wanted.Contains(e.Email, StringComparer.Ordinal));
        for (var i = 0; i < wanted.Count; i++)
        {
            var email = client.Emails.FirstOrDefault(e => e.Email == wanted[i]);
            if (email is null)
            {
                email = new ClientEmail { Id = Guid.CreateVersion7(), ClientId = client.Id, Email = wanted[i] };
                client.Emails.Add(email);
            }

            email.Position = i;
        }
    }

    internal static FieldError ExternalIdTaken(string externalId, string? byName)
        => new("ExternalId", byName is null
            ? $"'{externalId}' is already used by another client."
            : Sentence.End($"'{externalId}' is already used by {byName}"));

    private async Task<List<FieldError>> CheckAsync(ClientInput input, Guid? self, CancellationToken cancellationToken)
    {
        var errors = ClientRules.Validate(input).ToList();
        if (input.ExternalId is { } externalId && errors.All(e => e.Field != "ExternalId"))
        {
            var owner = await db.Clients.AsNoTracking().Where(c => c.ExternalId == externalId && c.Id != self).Select(c => c.Name).FirstOrDefaultAsync(cancellationToken);
            if (owner is not null)
            {
                errors.Add(ExternalIdTaken(externalId, owner));
            }
        }

        return errors;
    }

    /// <summary>Saves; false when the unique external id was taken between the check and the save.</summary>
    private async Task<bool> TrySaveAsync(bool hasExternalId, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException) when (hasExternalId)
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }
}
