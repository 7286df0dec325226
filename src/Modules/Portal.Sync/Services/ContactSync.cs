using Microsoft.EntityFrameworkCore;
using Portal.Clients.Models;
using Portal.Clients.Services;
using Portal.Core.Contracts;
using Portal.Core.Data;
using Portal.Sync.Api;
using Portal.Sync.Data;
using Portal.Sync.Models;

namespace Portal.Sync.Services;

/// <summary>
/// Applies a contacts batch through the Clients module's own services: clients by external id, a
/// portal for a client whose people sign in, those people found by their own external ids (a changed
/// address is the verified e-mail change, never a new user), invitations queued as staff's are.
/// Everything the batch needs is read in a few queries first; its wholly new contacts are made together
/// (<see cref="NewContactBatch"/>), the rest one by one; an item that matches what is stored writes
/// nothing, so the same batch twice is all <c>unchanged</c>.
/// </summary>
internal sealed class ContactSync(
    PracticeBatch unit,
    ClientStore clients,
    PortalStore portals,
    PortalMemberships memberships,
    IUserDirectory users,
    NewContactBatch newContacts,
    SyncDbContext db,
    TimeProvider clock)
{
    public const string EmailChangeKey = "emailChange";
    public const string EmailChangePending = "pending";

    public async Task<SyncBatchResult> ApplyAsync(IReadOnlyList<ContactItem?> items, CancellationToken cancellationToken)
    {
        var results = new SyncItemResult[items.Count];
        var accepted = new List<(int Index, ContactItem Item, string ExternalId, ClientInput? Input)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var seenPeople = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var idError = item is null ? SyncItemErrors.ExternalIdMissing() : SyncItemErrors.CheckExternalId(item.ExternalId);
            if (item is null || idError is not null)
            {
                results[i] = SyncItemResult.Failed(item?.ExternalId, idError!);
                continue;
            }

            var externalId = item.ExternalId!.Trim();
            if (!seen.Add(externalId))
            {
                results[i] = SyncItemResult.Failed(externalId, SyncItemErrors.Duplicate(externalId));
                continue;
            }

            if (item.Deleted)
            {
                accepted.Add((i, item, externalId, null));
                continue;
            }

            var (input, errors) = ContactRules.Check(item, externalId, seenPeople);
            if (errors.Count > 0)
            {
                results[i] = SyncItemResult.Failed(externalId, [.. errors]);
                continue;
            }

            accepted.Add((i, item, externalId, input));
        }

        var state = await LoadAsync(accepted.Select(a => (a.ExternalId, a.Item)).ToList(), cancellationToken);
        var together = await newContacts.CreateAsync(accepted, state, cancellationToken);
        foreach (var (index, item, externalId, input) in accepted)
        {
            if (together.TryGetValue(index, out var made))
            {
                results[index] = made;
                continue;
            }

            results[index] = await SyncBatches.ItemAsync(unit, externalId, () => input is null
                ? DeleteAsync(externalId, state, cancellationToken)
                : UpsertAsync(item, externalId, input, state, cancellationToken), cancellationToken);
        }

        return SyncBatchResult.Of(results);
    }

    private async Task<ContactState> LoadAsync(IReadOnlyList<(string ExternalId, ContactItem Item)> items, CancellationToken cancellationToken)
    {
        var existing = (await clients.FindByExternalIdsAsync(items.Select(i => i.ExternalId).ToList(), cancellationToken))
            .ToDictionary(c => c.ExternalId!, StringComparer.Ordinal);
        var portalOf = (await clients.PortalIdsOfAsync(existing.Values.Select(c => c.Id).ToList(), cancellationToken)).ToDictionary();
        var personIds = items.SelectMany(i => i.Item.PortalUsers ?? []).Select(p => p.ExternalId?.Trim()).OfType<string>().Distinct().ToList();
        var links = personIds.Count == 0
            ? []
            : await db.PortalUsers.AsNoTracking().Where(p => personIds.Contains(p.ExternalId)).ToDictionaryAsync(p => p.ExternalId, StringComparer.Ordinal, cancellationToken);
        var accounts = (await users.FindManyAsync(links.Values.Select(l => l.UserId), cancellationToken)).ToDictionary();
        var members = (await memberships.MembershipsOfAsync(portalOf.Values.Distinct().ToList(), cancellationToken)).ToHashSet();
        var emails = items.SelectMany(i => i.Item.PortalUsers ?? []).Select(p => p.Email?.Trim()).OfType<string>();
        var byEmail = await users.FindManyByEmailAsync(emails, cancellationToken);
        return new ContactState(existing, portalOf, links, accounts, members, byEmail);
    }

    /// <summary>A tombstone: the client is archived and leaves its portal, so its people no longer see it.</summary>
    private async Task<SyncItemResult> DeleteAsync(string externalId, ContactState state, CancellationToken cancellationToken)
    {
        if (!state.Clients.TryGetValue(externalId, out var client))
        {
            return new SyncItemResult(externalId, SyncItemStatus.Unchanged);
        }

        var changed = client.Status != ClientStatus.Archived && await clients.SetStatusAsync(client.Id, ClientStatus.Archived, cancellationToken);
        if (state.PortalOf.Remove(client.Id, out var portalId))
        {
            changed |= await portals.RemoveClientAsync(portalId, client.Id, cancellationToken);
        }

        return new SyncItemResult(externalId, changed ? SyncItemStatus.Deleted : SyncItemStatus.Unchanged) { Id = client.Id };
    }

    private async Task<SyncItemResult> UpsertAsync(ContactItem item, string externalId, ClientInput input, ContactState state, CancellationToken cancellationToken)
    {
        var people = item.PortalUsers ?? [];
        var plan = PlanPeople(people, state);
        if (plan.Errors.Count > 0)
        {
            return SyncItemResult.Failed(externalId, [.. plan.Errors]);
        }

        state.Clients.TryGetValue(externalId, out var client);
        var created = client is null;
        var changed = false;
        if (client is null)
        {
            var saved = await clients.CreateAsync(input, cancellationToken);
            if (saved.Value is null)
            {
                return SyncItemResult.Failed(externalId, [.. saved.Errors.Select(ContactRules.FromClientError)]);
            }

            client = saved.Value;
            state.Clients[externalId] = client;
        }
        else
        {
            if (!ContactRules.Matches(client, input))
            {
                var saved = await clients.UpdateAsync(client.Id, input with { Notes = client.Notes }, cancellationToken);
                if (saved.Value is null)
                {
                    return SyncItemResult.Failed(externalId, [.. saved.Errors.Select(ContactRules.FromClientError)]);
                }

                changed = true;
            }

            if (client.Status == ClientStatus.Archived)
            {
                changed |= await clients.SetStatusAsync(client.Id, ClientStatus.Active, cancellationToken);
            }
        }

        var (peopleChanged, pending, error) = await ApplyPeopleAsync(client, externalId, people, plan, state, cancellationToken);
        if (error is not null)
        {
            return SyncItemResult.Failed(externalId, error) with { Id = client.Id };
        }

        var status = created ? SyncItemStatus.Created : changed || peopleChanged ? SyncItemStatus.Updated : SyncItemStatus.Unchanged;
        return new SyncItemResult(externalId, status)
        {
            Id = client.Id,
            Extra = pending ? new Dictionary<string, object?> { [EmailChangeKey] = EmailChangePending } : null,
        };
    }

    /// <summary>
    /// Checks what the item's people need before anything is written: a new person's address must not
    /// be staff's, and a changed address must not be someone else's (the users of the batch's addresses
    /// were read with the batch; one made by an earlier item of it is found by the e-mail change itself).
    /// </summary>
    private static PeoplePlan PlanPeople(IReadOnlyList<ContactPortalUser> people, ContactState state)
    {
        var errors = new List<SyncFieldError>();
        var known = new Dictionary<int, PortalUserInfo>();
        for (var j = 0; j < people.Count; j++)
        {
            var email = people[j].Email!.Trim();
            var field = $"portalUsers[{j}].email";
            if (state.Links.TryGetValue(people[j].ExternalId!.Trim(), out var link) && state.Accounts.TryGetValue(link.UserId, out var account))
            {
                known[j] = account;
                if (string.Equals(email, account.Email, StringComparison.OrdinalIgnoreCase) || string.Equals(email, account.PendingEmail, StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                if (state.ByEmail.ContainsKey(email))
                {
                    errors.Add(new(field, SyncItemErrors.PortalUserRefused, $"{email} is already another user's address, so {account.Email} cannot change to it."));
                }

                continue;
            }

            if (state.ByEmail.GetValueOrDefault(email) is { IsStaff: true })
            {
                errors.Add(new(field, SyncItemErrors.PortalUserIsStaff, $"{email} belongs to a staff member of the practice, who cannot be a client's portal user."));
            }
        }

        return new PeoplePlan(known, errors);
    }

    private async Task<(bool Changed, bool Pending, SyncFieldError? Error)> ApplyPeopleAsync(
        Client client, string externalId, IReadOnlyList<ContactPortalUser> people, PeoplePlan plan, ContactState state, CancellationToken cancellationToken)
    {
        var changed = false;
        var pending = false;
        for (var j = 0; j < people.Count; j++)
        {
            var person = people[j];
            var email = person.Email!.Trim();
            if (plan.Known.TryGetValue(j, out var account))
            {
                if (!string.Equals(email, account.Email, StringComparison.OrdinalIgnoreCase))
                {
                    pending = true;
                    if (!string.Equals(email, account.PendingEmail, StringComparison.OrdinalIgnoreCase))
                    {
                        var change = await users.RequestEmailChangeAsync(account.Id, email, cancellationToken);
                        if (!change.Succeeded)
                        {
                            return (changed, pending, new($"portalUsers[{j}].email", SyncItemErrors.PortalUserRefused, change.Error ?? $"{email} could not be set."));
                        }

                        state.Accounts[account.Id] = account with { PendingEmail = email };
                        changed = true;
                    }
                }
            }
            else
            {
                var ensured = await users.EnsureClientUserAsync(email, person.Name?.Trim() ?? "", cancellationToken);
                if (ensured.User is null)
                {
                    return (changed, pending, new($"portalUsers[{j}].email", SyncItemErrors.PortalUserRefused, ensured.Error ?? $"{email} cannot be given portal access."));
                }

                account = ensured.User;
                await LinkAsync(person.ExternalId!.Trim(), account.Id, client.Id, state, cancellationToken);
                changed = true;
            }

            if (await EnsurePortalAsync(client, externalId, state, cancellationToken) is not { } portalId)
            {
                return (changed, pending, new("portalUsers", SyncItemErrors.PortalUserRefused, $"No portal could be made for {client.Name}."));
            }

            if (state.Members.Add((portalId, account.Id)))
            {
                await memberships.SetAsync(portalId, account, PortalAccess.Full, null, cancellationToken);
                if (!account.HasSignedIn)
                {
                    // As a staff invitation: a set-password link waiting in the reminders queue.
                    await users.InviteAsync(account.Id, InvitationMethod.Link, cancellationToken);
                }

                changed = true;
            }
        }

        return (changed, pending, null);
    }

    private async Task LinkAsync(string personId, Guid userId, Guid clientId, ContactState state, CancellationToken cancellationToken)
    {
        // A link to an account that no longer exists is replaced (the batch read its people's links first).
        if (state.Links.TryGetValue(personId, out var stale))
        {
            db.PortalUsers.Remove(stale);
        }

        var link = new SyncedPortalUser { ExternalId = personId, UserId = userId, ClientId = clientId, CreatedAt = clock.GetUtcNow().UtcDateTime };
        db.PortalUsers.Add(link);
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        state.Links[personId] = link;
    }

    /// <summary>The client's portal, made (named after the client) when its first person is synced.</summary>
    private async Task<Guid?> EnsurePortalAsync(Client client, string externalId, ContactState state, CancellationToken cancellationToken)
    {
        if (state.PortalOf.TryGetValue(client.Id, out var known))
        {
            return known;
        }

        ClientPortal? portal = null;
        var made = false;
        foreach (var name in new[] { client.Name, $"{client.Name} ({externalId})" })
        {
            portal = (await portals.CreateAsync(name, cancellationToken)).Value;
            made = portal is not null;
            if (portal is null && await portals.FindByNameAsync(name, cancellationToken) is { } same
                && (await portals.ClientsOfAsync(same.Id, cancellationToken)).Count == 0)
            {
                // The client's own portal, left empty by an earlier tombstone: it comes back.
                portal = same;
            }

            if (portal is not null)
            {
                break;
            }
        }

        if (portal is null || await portals.AddClientAsync(portal.Id, client.Id, cancellationToken) is not null)
        {
            return null;
        }

        state.PortalOf[client.Id] = portal.Id;
        if (!made)
        {
            // A portal that comes back may still have its people; a new one has none.
            foreach (var userId in (await memberships.MembershipsOfAsync([portal.Id], cancellationToken)).Select(m => m.UserId))
            {
                state.Members.Add((portal.Id, userId));
            }
        }

        return portal.Id;
    }

    private sealed record PeoplePlan(Dictionary<int, PortalUserInfo> Known, List<SyncFieldError> Errors);
}
