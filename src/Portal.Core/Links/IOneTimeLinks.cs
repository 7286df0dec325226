namespace Portal.Core.Links;

/// <summary>
/// One-time links sent by e-mail (an invitation, a password reset, an address confirmation, and next a
/// secure e-mail or a reminder). A link is issued for a purpose and a subject (a user, a message) with
/// an expiry; the token in it is shown once, to be put in the e-mail, and only its hash is stored. It
/// works once, until it expires or is revoked. See ../shared/specs/security.md.
/// </summary>
public interface IOneTimeLinks
{
    /// <summary>
    /// Issues a link and returns its token, the secret part of the address. Earlier unused links of the
    /// same purpose and subject stop working: there is one live link per purpose and subject.
    /// </summary>
    Task<string> IssueAsync(OneTimeLinkRequest request, CancellationToken cancellationToken = default);

    /// <summary>Looks a token up without using it (to show the form behind the link).</summary>
    Task<OneTimeLinkCheck> CheckAsync(string purpose, string? token, CancellationToken cancellationToken = default);

    /// <summary>Uses the link; false when it was used, expired or revoked in the meantime (of two redemptions racing, one wins).</summary>
    Task<bool> RedeemAsync(Guid linkId, CancellationToken cancellationToken = default);

    /// <summary>Ends every unused link of a purpose for a subject; returns how many were still live.</summary>
    Task<int> RevokeAllAsync(string purpose, Guid subjectId, CancellationToken cancellationToken = default);

    /// <summary>Whether a link of this purpose was ever issued for the subject (used or not), e.g. to word a second invitation as a reminder.</summary>
    Task<bool> HasBeenIssuedAsync(string purpose, Guid subjectId, CancellationToken cancellationToken = default);

    /// <summary>The data of the newest live link of a purpose for each subject that has one (e.g. the address a user is confirming).</summary>
    Task<IReadOnlyDictionary<Guid, string?>> PendingAsync(string purpose, IReadOnlyCollection<Guid> subjectIds, CancellationToken cancellationToken = default);
}
