namespace Portal.Core.Links;

/// <summary>An issued link as its page sees it (never its token, which is not stored).</summary>
public sealed record OneTimeLink(Guid Id, string Purpose, Guid SubjectId, string? Data, DateTime ExpiresAt);
