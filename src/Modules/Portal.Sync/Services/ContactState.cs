using Portal.Clients.Models;
using Portal.Core.Contracts;
using Portal.Sync.Models;

namespace Portal.Sync.Services;

/// <summary>
/// What a contacts batch compares its items with, read for the whole batch before anything is written
/// and kept up to date as items are applied: clients by external id, each client's portal, people's
/// links by their external id and their accounts, who is in which portal, and the users of the batch's
/// addresses.
/// </summary>
internal sealed record ContactState(
    Dictionary<string, Client> Clients,
    Dictionary<Guid, Guid> PortalOf,
    Dictionary<string, SyncedPortalUser> Links,
    Dictionary<Guid, PortalUserInfo> Accounts,
    HashSet<(Guid PortalId, Guid UserId)> Members,
    IReadOnlyDictionary<string, PortalUserInfo> ByEmail);
