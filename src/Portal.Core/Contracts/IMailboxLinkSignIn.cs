using Microsoft.AspNetCore.Http;

namespace Portal.Core.Contracts;

/// <summary>
/// Signs a client user in because they followed a one-time link e-mailed to them (a request
/// reminder's "Open your request"), implemented by the Identity module. The link proves the mailbox,
/// as a password-reset link does, so it stands in for the password of a client who has nothing more:
/// staff, users with a second factor, and users who must change their password or may not sign in
/// are not signed in by it; they sign in as usual and come back. The caller redeems the link first
/// (single use) and asks for this only from a POST, so a mail scanner fetching the link signs nobody in.
/// </summary>
public interface IMailboxLinkSignIn
{
    Task<MailboxLinkOutcome> SignInAsync(HttpContext httpContext, Guid userId, CancellationToken cancellationToken = default);
}

public enum MailboxLinkOutcome
{
    SignedIn,

    /// <summary>The link does not sign this user in: they sign in with their password (and code) and come back.</summary>
    SignInRequired,
}
