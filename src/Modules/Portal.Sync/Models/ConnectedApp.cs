namespace Portal.Sync.Models;

/// <summary>One line of the Connected apps page.</summary>
public sealed record ConnectedApp(
    Guid AuthorizationId,
    string Application,
    string DeviceName,
    string ApprovedBy,
    DateTime ApprovedAt,
    string? ApprovedFromIp,
    DateTime? LastUsedAt,
    string? LastUsedFromIp,
    bool IsActive,
    DateTime? RevokedAt,
    string? RevokedBy);
