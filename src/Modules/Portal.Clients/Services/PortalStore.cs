using Microsoft.EntityFrameworkCore;
using Portal.Clients.Data;
using Portal.Clients.Models;
using Portal.Core.Contracts;
using Portal.Core.Navigation;
using Portal.Core.Security;

namespace Portal.Clients.Services;

/// <summary>Portals and the clients they group.</summary>
public sealed class PortalStore(ClientsDbContext db, IUserDirectory users, IAuditLog audit, ICurrentActor actor, TimeProvider clock)
{
    public async Task<ListPage<PortalListItem>> ListAsync(string? search, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        var portals = db.Portals.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(search))
        {
            // A portal is found by its own name or by the name of one of its clients.
            var term = search.Trim().ToLowerInvariant();
            portals = portals.Where(p => p.NormalizedName.Contains(term)
                || db.PortalClients.Any(pc => pc.PortalId == p.Id && db.Clients.Any(c => c.Id == pc.ClientId && c.NormalizedName.Contains(term))));
        }

        var total = await portals.CountAsync(cancellationToken);
        page = ListPage.Clamp(page, total, pageSize);
        var rows = await portals.OrderBy(p => p.NormalizedName).ThenBy(p => p.Id).Skip((page - 1) * pageSize).Take(pageSize)
            .Select(p => new { p.Id, p.Name }).ToListAsync(cancellationToken);
        var ids = rows.Select(r => r.Id).ToList();
        var clients = (await (from pc in db.PortalClients.AsNoTracking()
                              join c in db.Clients on pc.ClientId equals c.Id
                              where ids.Contains(pc.PortalId)
                              orderby c.NormalizedName
                              select new { pc.PortalId, c.Name }).ToListAsync(cancellationToken))
            .ToLookup(x => x.PortalId, x => x.Name);
        var users = await db.PortalMembers.AsNoTracking().Where(m => ids.Contains(m.PortalId))
            .GroupBy(m => m.PortalId).Select(g => new { PortalId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.PortalId, x => x.Count, cancellationToken);
        var items = rows.Select(r => new PortalListItem(r.Id, r.Name, clients[r.Id].ToList(), users.GetValueOrDefault(r.Id))).ToList();
        return new ListPage<PortalListItem>(items, total, page, pageSize);
    }

    public Task<ClientPortal?> FindAsync(Guid id, CancellationToken cancellationToken = default)
        => db.Portals.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, cancellationToken);

    public Task<ClientPortal?> FindByNameAsync(string name, CancellationToken cancellationToken = default)
    {
        var normalized = Client.Normalize(name);
        return db.Portals.AsNoTracking().SingleOrDefaultAsync(p => p.NormalizedName == normalized, cancellationToken);
    }

    public async Task<SaveResult<ClientPortal>> CreateAsync(string name, CancellationToken cancellationToken = default)
    {
        var error = await CheckNameAsync(name, null, cancellationToken);
        if (error is not null)
        {
            return SaveResult.Failed<ClientPortal>(error);
        }

        var portal = new ClientPortal
        {
            Id = Guid.CreateVersion7(),
            Name = name.Trim(),
            NormalizedName = Client.Normalize(name),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            CreatedBy = actor.Actor.UserId,
        };
        db.Portals.Add(portal);
        if (!await TrySaveAsync(cancellationToken))
        {
            return SaveResult.Failed<ClientPortal>(NameTaken(name));
        }

        await audit.RecordAsync(new AuditEntry(ClientAuditActions.PortalCreated, AuditTargetTypes.Portal, portal.Id.ToString(), portal.Name), cancellationToken);
        return SaveResult.Ok<ClientPortal>(portal);
    }

    /// <summary>Which of these names a portal already has (compared as portal names are: case and spacing aside), in one read.</summary>
    public async Task<IReadOnlySet<string>> TakenNamesAsync(IReadOnlyCollection<string> names, CancellationToken cancellationToken = default)
    {
        var normalized = names.Select(Client.Normalize).Distinct(StringComparer.Ordinal).ToList();
        var taken = normalized.Count == 0
            ? []
            : (await db.Portals.AsNoTracking().Where(p => normalized.Contains(p.NormalizedName)).Select(p => p.NormalizedName).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        return names.Where(n => taken.Contains(Client.Normalize(n))).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>
    /// A portal of its own for each of these clients, named as given: the batch form of
    /// <see cref="CreateAsync"/> followed by <see cref="AddClientAsync"/> (the sync API's new contacts),
    /// checked as those are, with the names and clients read once and everything saved in one save,
    /// each result in order. A save the unique indexes refuse (a name or client taken meanwhile)
    /// throws, so a caller runs it where it can be undone.
    /// </summary>
    public async Task<IReadOnlyList<SaveResult<ClientPortal>>> CreateForClientsAsync(IReadOnlyList<(Guid ClientId, string Name)> portals, CancellationToken cancellationToken = default)
    {
        var taken = (await TakenNamesAsync([.. portals.Select(p => p.Name)], cancellationToken)).Select(Client.Normalize).ToHashSet(StringComparer.Ordinal);
        var clientIds = portals.Select(p => p.ClientId).Distinct().ToList();
        var clients = await db.Clients.AsNoTracking().Where(c => clientIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, cancellationToken);
        var inPortal = (await db.PortalClients.AsNoTracking().Where(pc => clientIds.Contains(pc.ClientId)).Select(pc => pc.ClientId).ToListAsync(cancellationToken)).ToHashSet();
        var results = new SaveResult<ClientPortal>[portals.Count];
        var made = new List<(int Index, ClientPortal Portal, string ClientName)>();
        var now = clock.GetUtcNow().UtcDateTime;
        for (var i = 0; i < portals.Count; i++)
        {
            var (clientId, name) = portals[i];
            var normalized = Client.Normalize(name);
            var error = NameFormError(name)
                ?? (!taken.Add(normalized) ? NameTaken(name)
                : !clients.TryGetValue(clientId, out var clientName) ? new FieldError("Client", "That client or portal no longer exists.")
                : !inPortal.Add(clientId) ? new FieldError("Client", $"{clientName} is already in a portal. A client can be in one portal only; remove it there first.")
                : null);
            if (error is not null)
            {
                results[i] = SaveResult.Failed<ClientPortal>(error);
                continue;
            }

            var portal = new ClientPortal { Id = Guid.CreateVersion7(), Name = name.Trim(), NormalizedName = normalized, CreatedAt = now, CreatedBy = actor.Actor.UserId };
            db.Portals.Add(portal);
            db.PortalClients.Add(new PortalClient { Id = Guid.CreateVersion7(), PortalId = portal.Id, ClientId = clientId, AddedAt = now });
            made.Add((i, portal, clients[clientId]));
        }

        if (made.Count > 0)
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        foreach (var (index, portal, clientName) in made)
        {
            await audit.RecordAsync(new AuditEntry(ClientAuditActions.PortalCreated, AuditTargetTypes.Portal, portal.Id.ToString(), portal.Name), cancellationToken);
            await audit.RecordAsync(new AuditEntry(ClientAuditActions.PortalClientAdded, AuditTargetTypes.Portal, portal.Id.ToString(), $"{clientName} ({portals[index].ClientId})"), cancellationToken);
            results[index] = SaveResult.Ok(portal);
        }

        return results;
    }

    public async Task<SaveResult<ClientPortal>> RenameAsync(Guid id, string name, CancellationToken cancellationToken = default)
    {
        var portal = await db.Portals.SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (portal is null)
        {
            return SaveResult.Failed<ClientPortal>(new FieldError("", "This portal no longer exists."));
        }

        var error = await CheckNameAsync(name, id, cancellationToken);
        if (error is not null)
        {
            return SaveResult.Failed<ClientPortal>(error);
        }

        var old = portal.Name;
        portal.Name = name.Trim();
        portal.NormalizedName = Client.Normalize(name);
        if (!await TrySaveAsync(cancellationToken))
        {
            return SaveResult.Failed<ClientPortal>(NameTaken(name));
        }

        await audit.RecordAsync(new AuditEntry(ClientAuditActions.PortalRenamed, AuditTargetTypes.Portal, id.ToString(), $"{old} → {portal.Name}"), cancellationToken);
        return SaveResult.Ok<ClientPortal>(portal);
    }

    /// <summary>Deletes the portal: its clients are free to join another one, and its users lose access to it.</summary>
    public async Task<bool> DeleteAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var portal = await db.Portals.SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (portal is null)
        {
            return false;
        }

        var members = await db.PortalMembers.AsNoTracking().Where(m => m.PortalId == id).Select(m => m.UserId).ToListAsync(cancellationToken);
        db.Portals.Remove(portal);
        await db.SaveChangesAsync(cancellationToken);
        var names = await users.FindManyAsync(members, cancellationToken);
        foreach (var userId in members)
        {
            var who = names.TryGetValue(userId, out var info) ? info.Email : userId.ToString();
            await audit.RecordAsync(new AuditEntry(AuditActions.PortalAccessRevoked, AuditTargetTypes.Portal, id.ToString(), $"{who}: the portal {portal.Name} was deleted"), cancellationToken);
        }

        await audit.RecordAsync(new AuditEntry(ClientAuditActions.PortalDeleted, AuditTargetTypes.Portal, id.ToString(), portal.Name), cancellationToken);
        return true;
    }

    public async Task<IReadOnlyList<PortalClientItem>> ClientsOfAsync(Guid portalId, CancellationToken cancellationToken = default)
        => await (from pc in db.PortalClients.AsNoTracking()
                  join c in db.Clients on pc.ClientId equals c.Id
                  where pc.PortalId == portalId
                  orderby c.NormalizedName
                  select new PortalClientItem(c.Id, c.Name, c.Kind, c.ExternalId, c.Status, pc.PortalId, null)).ToListAsync(cancellationToken);

    /// <summary>The names of the active clients of several portals, in one query (what their users see).</summary>
    public async Task<ILookup<Guid, string>> ActiveClientNamesAsync(IReadOnlyCollection<Guid> portalIds, CancellationToken cancellationToken = default)
    {
        var ids = portalIds.ToList();
        return (await (from pc in db.PortalClients.AsNoTracking()
                       join c in db.Clients on pc.ClientId equals c.Id
                       where ids.Contains(pc.PortalId) && c.Status == ClientStatus.Active
                       orderby c.NormalizedName
                       select new { pc.PortalId, c.Name }).ToListAsync(cancellationToken))
            .ToLookup(x => x.PortalId, x => x.Name);
    }

    /// <summary>Active clients matching the search (name, external id or e-mail), with the portal each is in.</summary>
    public async Task<IReadOnlyList<PortalClientItem>> FindCandidatesAsync(string search, int limit, CancellationToken cancellationToken = default)
    {
        var term = search.Trim().ToLowerInvariant();
        if (term.Length == 0)
        {
            return [];
        }

        return await (from c in db.Clients.AsNoTracking()
                      where c.Status == ClientStatus.Active
                          && (c.NormalizedName.Contains(term)
                              || (c.ExternalId != null && c.ExternalId.ToLower().Contains(term))
                              || c.Emails.Any(e => e.Email.ToLower().Contains(term)))
                      join pc in db.PortalClients on c.Id equals pc.ClientId into links
                      from pc in links.DefaultIfEmpty()
                      join p in db.Portals on pc.PortalId equals p.Id into owners
                      from p in owners.DefaultIfEmpty()
                      orderby c.NormalizedName, c.Id
                      select new PortalClientItem(c.Id, c.Name, c.Kind, c.ExternalId, c.Status, p == null ? null : (Guid?)p.Id, p == null ? null : p.Name))
            .Take(limit).ToListAsync(cancellationToken);
    }

    /// <summary>Adds a client; refused (with the reason) when the client is already in a portal.</summary>
    public async Task<FieldError?> AddClientAsync(Guid portalId, Guid clientId, CancellationToken cancellationToken = default)
    {
        var client = await db.Clients.AsNoTracking().Where(c => c.Id == clientId).Select(c => new { c.Name, c.Status }).SingleOrDefaultAsync(cancellationToken);
        if (client is null || !await db.Portals.AnyAsync(p => p.Id == portalId, cancellationToken))
        {
            return new FieldError("Client", "That client or portal no longer exists.");
        }

        if (await InPortalErrorAsync(clientId, client.Name, cancellationToken) is { } taken)
        {
            return taken;
        }

        db.PortalClients.Add(new PortalClient { Id = Guid.CreateVersion7(), PortalId = portalId, ClientId = clientId, AddedAt = clock.GetUtcNow().UtcDateTime });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Someone added it to a portal between the check and the save; the unique index decided.
            db.ChangeTracker.Clear();
            return await InPortalErrorAsync(clientId, client.Name, cancellationToken) ?? new FieldError("Client", $"{client.Name} could not be added; try again.");
        }

        await audit.RecordAsync(new AuditEntry(ClientAuditActions.PortalClientAdded, AuditTargetTypes.Portal, portalId.ToString(), $"{client.Name} ({clientId})"), cancellationToken);
        return null;
    }

    public async Task<bool> RemoveClientAsync(Guid portalId, Guid clientId, CancellationToken cancellationToken = default)
    {
        var removed = await db.PortalClients.Where(pc => pc.PortalId == portalId && pc.ClientId == clientId).ExecuteDeleteAsync(cancellationToken);
        if (removed > 0)
        {
            var name = await db.Clients.AsNoTracking().Where(c => c.Id == clientId).Select(c => c.Name).SingleAsync(cancellationToken);
            await audit.RecordAsync(new AuditEntry(ClientAuditActions.PortalClientRemoved, AuditTargetTypes.Portal, portalId.ToString(), $"{name} ({clientId})"), cancellationToken);
        }

        return removed > 0;
    }

    private async Task<FieldError?> InPortalErrorAsync(Guid clientId, string clientName, CancellationToken cancellationToken)
    {
        var current = await (from pc in db.PortalClients.AsNoTracking()
                             join p in db.Portals on pc.PortalId equals p.Id
                             where pc.ClientId == clientId
                             select p.Name).FirstOrDefaultAsync(cancellationToken);
        return current is null ? null : new FieldError("Client", $"{clientName} is already in the portal {current}. A client can be in one portal only; remove it there first.");
    }

    private async Task<FieldError?> CheckNameAsync(string name, Guid? self, CancellationToken cancellationToken)
    {
        if (NameFormError(name) is { } error)
        {
            return error;
        }

        var normalized = Client.Normalize(name);
        return await db.Portals.AnyAsync(p => p.NormalizedName == normalized && p.Id != self, cancellationToken) ? NameTaken(name) : null;
    }

    private static FieldError? NameFormError(string name)
        => string.IsNullOrWhiteSpace(name) ? new FieldError("Name", "Enter a name for the portal.")
            : name.Trim().Length > ClientPortal.NameMaxLength ? new FieldError("Name", $"Use at most {ClientPortal.NameMaxLength} characters.")
            : null;

    private static FieldError NameTaken(string name) => new("Name", $"There is already a portal called '{name.Trim()}'.");

    private async Task<bool> TrySaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }
}
