namespace Portal.Core.Contracts;

/// <summary>
/// Lets the platform operator help a practice's first administrator in (implemented by the Identity
/// module, used by the host admin in a unit of work of that practice): the host never touches the
/// practice's user store itself.
/// </summary>
public interface IAdministratorInvitations
{
    /// <summary>
    /// E-mails the practice user with <paramref name="email"/> a new one-time set-password link
    /// (earlier links keep working until they expire). Unlike a staff invitation, this is sent even to
    /// someone who has signed in before: an operator uses it when the administrator is locked out.
    /// </summary>
    Task<AdministratorInvitationOutcome> ResendSetPasswordLinkAsync(string email, CancellationToken cancellationToken = default);
}

public enum AdministratorInvitationOutcome
{
    /// <summary>The e-mail went to the practice's outbox.</summary>
    Sent,

    /// <summary>No user of the practice has that address any more.</summary>
    NoSuchUser,
}
