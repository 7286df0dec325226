using Portal.Clients.Models;
using Portal.Clients.Services;
using Portal.Core.Contracts;
using Portal.Core.Data;
using Portal.Sync.Api;
using Portal.Sync.Data;
using Portal.Sync.Models;

namespace Portal.Sync.Services;

/// <summary>
/// A contacts batch's wholly new contacts (a first sync is mostly them) made together: their clients,
/// people, links, portals, memberships and invitations each in one save per group through the modules'
/// batch forms, instead of about seven saves and sixteen statements per contact. Only a contact that
/// nothing stored or in the rest of the batch touches goes this way: its client and people are new,
/// its people's addresses are nobody's and appear once in the batch, and its portal's name is one no
/// stored portal has and no other item may take. What each module checks still runs row by row; if any
/// row of a group is refused, or a save fails, the group is undone and it and the later groups are
/// applied one by one as before, each failing alone with its own reason. So each item's outcome is
/// what one by one gives, only cheaper.
/// </summary>
internal sealed class NewContactBatch(
    PracticeBatch unit,
    ClientStore clients,
    PortalStore portals,
    PortalMemberships memberships,
    IUserDirectory users,
    SyncDbContext db,
    TimeProvider clock)
{
    /// <summary>Below this many there is nothing to gain over one by one.</summary>
    public const int MinimumContacts = 2;

    /// <summary>The results of the contacts made here, by their index in the batch; the others are left to the caller.</summary>
    public async Task<IReadOnlyDictionary<int, SyncItemResult>> CreateAsync(
        IReadOnlyList<(int Index, ContactItem Item, string ExternalId, ClientInput? Input)> accepted, ContactState state, CancellationToken cancellationToken)
    {
        var rows = await SelectAsync(accepted, state, cancellationToken);
        if (rows.Count < MinimumContacts)
        {
            return new Dictionary<int, SyncItemResult>();
        }

        var results = new Dictionary<int, SyncItemResult>();
        foreach (var group in rows.Chunk(PracticeBatch.ItemsPerCommit))
        {
            // A group with a refused row goes one by one, and so do the groups after it: in order, as
            // the names chosen for their portals assume.
            if (await unit.TogetherAsync(() => MakeAsync(group, cancellationToken), m => m.Complete, group.Length, cancellationToken) is not { } made)
            {
                break;
            }

            Keep(group, made, state, results);
        }

        return results;
    }

    /// <summary>Only once kept: the results, and what later items of the batch compare with.</summary>
    private static void Keep(Row[] rows, Made made, ContactState state, Dictionary<int, SyncItemResult> results)
    {
        foreach (var (row, client) in rows.Zip(made.Clients))
        {
            state.Clients[row.ExternalId] = client;
            results[row.Index] = new SyncItemResult(row.ExternalId, SyncItemStatus.Created) { Id = client.Id };
        }

        foreach (var (clientId, portalId) in made.Portals)
        {
            state.PortalOf[clientId] = portalId;
        }

        foreach (var link in made.Links)
        {
            state.Links[link.ExternalId] = link;
        }

        foreach (var (portalId, user) in made.Members)
        {
            state.Accounts[user.Id] = user;
            state.Members.Add((portalId, user.Id));
        }
    }

    /// <summary>The contacts that may go together, each with its portal's name when it has people.</summary>
    private async Task<List<Row>> SelectAsync(
        IReadOnlyList<(int Index, ContactItem Item, string ExternalId, ClientInput? Input)> accepted, ContactState state, CancellationToken cancellationToken)
    {
        // An address twice in the batch (in any item) is left to the one-by-one path, which finds the user the first made.
        var addresses = accepted.SelectMany(a => a.Item.PortalUsers ?? []).Select(p => p.Email?.Trim()).OfType<string>()
            .GroupBy(e => e, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.Count(), StringComparer.OrdinalIgnoreCase);
        var candidates = accepted
            .Where(a => a.Input is not null && !state.Clients.ContainsKey(a.ExternalId)
                && (a.Item.PortalUsers ?? []).All(p => !state.Links.ContainsKey(p.ExternalId!.Trim())
                    && p.Email?.Trim() is { } email && addresses[email] == 1 && !state.ByEmail.ContainsKey(email)))
            .ToList();
        if (candidates.Count < MinimumContacts)
        {
            return [];
        }

        var names = candidates.Where(c => c.Item.PortalUsers is { Count: > 0 }).SelectMany(c => new[] { c.Input!.Name, AlternativeName(c.Input.Name, c.ExternalId) }).ToList();
        var taken = await portals.TakenNamesAsync(names, cancellationToken);

        // The names the batch's other items may give a portal one by one (a client without one that gets
        // people) are theirs: a contact made together must not take one first, wherever it is in the batch.
        var others = accepted.Except(candidates)
            .Where(a => a.Input is not null && a.Item.PortalUsers is { Count: > 0 }
                && !(state.Clients.TryGetValue(a.ExternalId, out var stored) && state.PortalOf.ContainsKey(stored.Id)))
            .SelectMany(a => new[] { a.Input!.Name, state.Clients.GetValueOrDefault(a.ExternalId)?.Name ?? a.Input.Name }.Select(name => (Name: name, a.ExternalId)));
        var used = others.SelectMany(o => new[] { o.Name, AlternativeName(o.Name, o.ExternalId) }).Select(Client.Normalize).ToHashSet(StringComparer.Ordinal);
        var reserved = used.ToHashSet(StringComparer.Ordinal);
        var rows = new List<Row>();
        foreach (var (index, item, externalId, input) in candidates)
        {
            string? portalName = null;
            if (item.PortalUsers is { Count: > 0 })
            {
                // As one by one: the client's name, or when an earlier contact took it, the name with the
                // external id. A name a stored portal has is left to one by one (it may take an empty one back).
                if (taken.Contains(input!.Name) || reserved.Contains(Client.Normalize(input.Name)) || reserved.Contains(Client.Normalize(AlternativeName(input.Name, externalId))))
                {
                    continue;
                }

                portalName = used.Add(Client.Normalize(input.Name)) ? input.Name
                    : AlternativeName(input.Name, externalId) is var other && !taken.Contains(other) && used.Add(Client.Normalize(other)) ? other
                    : null;
                if (portalName is null)
                {
                    continue;
                }
            }

            rows.Add(new Row(index, externalId, input!, item.PortalUsers ?? [], portalName));
        }

        return rows;
    }

    private async Task<Made> MakeAsync(Row[] rows, CancellationToken cancellationToken)
    {
        var saved = await clients.CreateManyAsync([.. rows.Select(r => r.Input)], cancellationToken);
        if (saved.Any(s => !s.Succeeded))
        {
            return Made.Incomplete;
        }

        var made = new Made(true, [.. saved.Select(s => s.Value!)]);
        var people = rows.SelectMany((r, i) => r.People.Select(p => (Row: i, Person: p))).ToList();
        var accounts = await users.CreateClientUsersAsync([.. people.Select(p => new NewClientUser(p.Person.Email!.Trim(), p.Person.Name?.Trim() ?? ""))], cancellationToken);
        if (accounts.Any(a => a.User is null))
        {
            return Made.Incomplete;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var ((row, person), account) in people.Zip(accounts))
        {
            var link = new SyncedPortalUser { ExternalId = person.ExternalId!.Trim(), UserId = account.User!.Id, ClientId = made.Clients[row].Id, CreatedAt = now };
            db.PortalUsers.Add(link);
            made.Links.Add(link);
        }

        await db.SaveChangesAsync(cancellationToken);
        var withPortals = rows.Select((r, i) => (Row: r, Client: made.Clients[i])).Where(x => x.Row.PortalName is not null).ToList();
        var portalsMade = await portals.CreateForClientsAsync([.. withPortals.Select(x => (x.Client.Id, x.Row.PortalName!))], cancellationToken);
        if (portalsMade.Any(p => !p.Succeeded))
        {
            return Made.Incomplete;
        }

        foreach (var (x, portal) in withPortals.Zip(portalsMade))
        {
            made.Portals[x.Client.Id] = portal.Value!.Id;
        }

        made.Members.AddRange(people.Zip(accounts).Select(p => (made.Portals[made.Clients[p.First.Row].Id], p.Second.User!)));
        await memberships.GrantManyAsync(made.Members, PortalAccess.Full, cancellationToken);

        // As a staff invitation: a set-password link waiting in the reminders queue.
        var invited = await users.InviteClientsAsync([.. accounts.Select(a => a.User!.Id)], cancellationToken);
        return invited.Any(i => i.Outcome == InvitationOutcome.Failed) ? Made.Incomplete : made;
    }

    private static string AlternativeName(string name, string externalId) => $"{name} ({externalId})";

    private sealed record Row(int Index, string ExternalId, ClientInput Input, IReadOnlyList<ContactPortalUser> People, string? PortalName);

    private sealed record Made(bool Complete, IReadOnlyList<Client> Clients)
    {
        public static Made Incomplete => new(false, []);

        public List<SyncedPortalUser> Links { get; } = [];

        public Dictionary<Guid, Guid> Portals { get; } = [];

        public List<(Guid PortalId, PortalUserInfo User)> Members { get; } = [];
    }
}
