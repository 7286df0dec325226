namespace Portal.Core.Links;

/// <param name="Purpose">What the link is for, a constant of the issuing module (at most <see cref="OneTimeLinkRecord.PurposeMaxLength"/> characters); a link only redeems for its own purpose.</param>
/// <param name="SubjectId">Whom or what the link acts on: a user, a message.</param>
/// <param name="Lifetime">How long the link works from now.</param>
/// <param name="Data">A short value the link carries to its page (the new address of an e-mail change), at most <see cref="OneTimeLinkRecord.DataMaxLength"/> characters; never a secret, it is stored as written.</param>
public sealed record OneTimeLinkRequest(string Purpose, Guid SubjectId, TimeSpan Lifetime, string? Data = null);
