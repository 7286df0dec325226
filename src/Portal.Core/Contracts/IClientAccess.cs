using System.Security.Claims;

namespace Portal.Core.Contracts;

/// <summary>
/// Who may see which client's things (implemented by the Clients module). Full-access portal users
/// see everything of their portal's clients; contributors only what is shared with them; staff
/// according to their permissions. A client id that does not exist gives everyone <see cref="ClientAccessLevel.None"/>,
/// so no module writes rows for a client that is not there.
/// </summary>
public interface IClientAccess
{
    Task<ClientAccessLevel> ForClientAsync(ClaimsPrincipal user, Guid clientId, CancellationToken cancellationToken = default);

    /// <summary>The portal a client user is working in (chosen after sign-in, or their only one); null if none.</summary>
    Task<CurrentPortal?> CurrentPortalAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default);
}

public enum ClientAccessLevel
{
    None,

    /// <summary>Only items explicitly shared with this user.</summary>
    Contributor,

    /// <summary>Everything of the client.</summary>
    Full,

    /// <summary>Practice staff with the permission to work with clients.</summary>
    Staff,
}

public sealed record CurrentPortal(Guid PortalId, string Name, ClientAccessLevel Access, IReadOnlyList<ClientSummary> Clients, bool HasOtherPortals);

public sealed record ClientSummary(Guid Id, string Name)
{
    /// <summary>The client's province or territory (<see cref="CanadianProvinces"/> code); null when not given. Filled by the directory's lookups by id.</summary>
    public string? Province { get; init; }
}

/// <summary>Client facts other modules show (names in lists, e-mail recipients).</summary>
public interface IClientDirectory
{
    Task<ClientSummary?> FindAsync(Guid clientId, CancellationToken cancellationToken = default);

    Task<IReadOnlyDictionary<Guid, ClientSummary>> FindManyAsync(IEnumerable<Guid> clientIds, CancellationToken cancellationToken = default);

    /// <summary>A client by the reference outside systems use: its external id (from the desktop
    /// software), or else its exact name; null when none or several match the name.</summary>
    Task<ClientSummary?> FindByReferenceAsync(string reference, CancellationToken cancellationToken = default);

    /// <summary>Users of the client's portal and their access, e.g. to notify them of new documents.</summary>
    Task<IReadOnlyList<ClientPortalUser>> PortalUsersAsync(Guid clientId, CancellationToken cancellationToken = default);

    /// <summary><see cref="PortalUsersAsync"/> for many clients in one query; a client without users is absent.</summary>
    Task<IReadOnlyDictionary<Guid, IReadOnlyList<ClientPortalUser>>> PortalUsersOfManyAsync(IReadOnlyCollection<Guid> clientIds, CancellationToken cancellationToken = default);
}

public sealed record ClientPortalUser(Guid UserId, ClientAccessLevel Access);
