namespace Portal.Sync.Models;

/// <summary>
/// What the practice needs to know about one approval of a program, beside OpenIddict's authorization
/// (same id): who approved it, for which device, from where, and when it was last used.
/// </summary>
public sealed class SyncConnection
{
    public Guid AuthorizationId { get; set; }

    public Guid ApprovedById { get; set; }

    public string ApprovedByName { get; set; } = "";

    public DateTime ApprovedAt { get; set; }

    public string DeviceName { get; set; } = "";

    public string? ApprovedFromIp { get; set; }

    public DateTime? LastUsedAt { get; set; }

    public string? LastUsedFromIp { get; set; }

    public DateTime? RevokedAt { get; set; }

    public string? RevokedByName { get; set; }
}
