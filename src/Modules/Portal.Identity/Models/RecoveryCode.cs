namespace Portal.Identity.Models;

/// <summary>A single-use two-factor recovery code, stored only as a slow hash.</summary>
public sealed class RecoveryCode
{
    public Guid Id { get; set; }

    public Guid UserId { get; set; }

    public string CodeHash { get; set; } = "";

    public DateTime CreatedAt { get; set; }

    public DateTime? UsedAt { get; set; }
}
