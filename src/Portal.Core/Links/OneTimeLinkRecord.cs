namespace Portal.Core.Links;

/// <summary>A row of the practice's <c>OneTimeLinks</c> table. Only the SHA-256 of the token is stored, so the database alone cannot produce a working link.</summary>
public sealed class OneTimeLinkRecord
{
    public const int PurposeMaxLength = 50;

    public const int DataMaxLength = 320;

    public Guid Id { get; set; }

    public string Purpose { get; set; } = "";

    public Guid SubjectId { get; set; }

    /// <summary>Hex SHA-256 of the token.</summary>
    public string TokenHash { get; set; } = "";

    public string? Data { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime ExpiresAt { get; set; }

    public DateTime? UsedAt { get; set; }
}
