namespace Portal.Identity.Models;

/// <summary>
/// Where one-time links were kept before they moved to Core's <c>OneTimeLinks</c>
/// (<see cref="Services.AccountTokensToOneTimeLinks"/> moves the rows and leaves this table empty).
/// Still mapped so the schema matches the migrations; to be dropped by a later migration.
/// </summary>
public sealed class AccountToken
{
    public Guid Id { get; set; }

    public Guid UserId { get; set; }

    public string Purpose { get; set; } = "";

    public string TokenHash { get; set; } = "";

    public string? Data { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime ExpiresAt { get; set; }

    public DateTime? UsedAt { get; set; }
}
