namespace Portal.Core.Contracts;

/// <summary>
/// The practice's user accounts as other modules may use them (implemented by the Identity module):
/// look people up, create client users, invite them, change their e-mail address.
/// </summary>
public interface IUserDirectory
{
    Task<PortalUserInfo?> FindAsync(Guid userId, CancellationToken cancellationToken = default);

    Task<PortalUserInfo?> FindByEmailAsync(string email, CancellationToken cancellationToken = default);

    Task<IReadOnlyDictionary<Guid, PortalUserInfo>> FindManyAsync(IEnumerable<Guid> userIds, CancellationToken cancellationToken = default);

    /// <summary>
    /// The users whose (current) addresses are among <paramref name="emails"/>, keyed by address ignoring
    /// case: what a batch checks for all its rows in one read rather than one per row.
    /// </summary>
    Task<IReadOnlyDictionary<string, PortalUserInfo>> FindManyByEmailAsync(IEnumerable<string> emails, CancellationToken cancellationToken = default);

    /// <summary>The practice's staff (disabled ones too), by name, with whether each is an administrator.</summary>
    Task<IReadOnlyList<StaffMemberInfo>> ListStaffAsync(CancellationToken cancellationToken = default);

    /// <summary>Creates a client user (no password yet), or returns the existing user with that address.</summary>
    Task<ClientUserResult> EnsureClientUserAsync(string email, string displayName, CancellationToken cancellationToken = default);

    /// <summary>
    /// The batch form of <see cref="EnsureClientUserAsync"/> for people who are nobody yet: client users
    /// (no password) made in one save, each row with its own result in order. A row whose address is
    /// not one, or is already a user's (or an earlier row's), is refused with the reason and nothing is
    /// made for it. A save the database refuses (a user made meanwhile) throws, so a caller runs it
    /// where it can be undone.
    /// </summary>
    Task<IReadOnlyList<ClientUserResult>> CreateClientUsersAsync(IReadOnlyList<NewClientUser> people, CancellationToken cancellationToken = default);

    /// <summary>
    /// The batch form of <see cref="InviteAsync"/> with <see cref="InvitationMethod.Link"/> for client
    /// users: their set-password links queued as reminders with one read and one save for all (each is
    /// still sent as it is queued when the practice does not review reminders first), each result in order. A user who is gone, disabled or staff fails; one who has signed in is
    /// <see cref="InvitationOutcome.AlreadyActive"/>.
    /// </summary>
    Task<IReadOnlyList<InvitationResult>> InviteClientsAsync(IReadOnlyList<Guid> userIds, CancellationToken cancellationToken = default);

    /// <summary>
    /// Invites the user: a one-time set-password link (through the practice's reminders queue for client
    /// users), or a temporary password that must be changed at first sign-in. Never resets the password
    /// or access of a user who has already signed in.
    /// </summary>
    Task<InvitationResult> InviteAsync(Guid userId, InvitationMethod method, CancellationToken cancellationToken = default);

    /// <summary>Starts an e-mail change: the new address must be confirmed; the old one is told.</summary>
    Task<EmailChangeResult> RequestEmailChangeAsync(Guid userId, string newEmail, CancellationToken cancellationToken = default);
}

public sealed record PortalUserInfo(
    Guid Id,
    string Email,
    string DisplayName,
    bool IsStaff,
    bool IsDisabled,
    bool HasSignedIn,
    DateTime? LastSignInAt,
    string? PendingEmail);

public sealed record StaffMemberInfo(Guid Id, string Email, string DisplayName, bool IsDisabled, bool IsAdministrator);

/// <summary>A person to be made a client user: their address (also their user name) and name.</summary>
public sealed record NewClientUser(string Email, string DisplayName);

public sealed record ClientUserResult(PortalUserInfo? User, bool Created, string? Error);

public enum InvitationMethod
{
    /// <summary>E-mail a one-time link to choose a password.</summary>
    Link,

    /// <summary>Issue a temporary password (shown once to staff) that must be changed at first sign-in.</summary>
    TemporaryPassword,
}

/// <summary>
/// <see cref="Outcome"/> says what happened; <see cref="TemporaryPassword"/> is set only for that
/// method and must be shown once, never stored.
/// </summary>
public sealed record InvitationResult(InvitationOutcome Outcome, string? TemporaryPassword = null, string? Error = null);

public enum InvitationOutcome
{
    /// <summary>The e-mail went to the outbox.</summary>
    Sent,

    /// <summary>The e-mail waits in the reminders queue for staff to review and send.</summary>
    Queued,

    /// <summary>A temporary password was issued.</summary>
    TemporaryPasswordIssued,

    /// <summary>The user has already signed in: nothing was reset.</summary>
    AlreadyActive,

    Failed,
}

public sealed record EmailChangeResult(bool Succeeded, string? Error = null);
