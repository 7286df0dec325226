namespace Portal.Audit.Models;

/// <summary>
/// One audit event. Rows are only ever inserted: each carries the hash of the previous row, so
/// altering, deleting or reordering any row breaks the chain from that point on.
/// </summary>
public sealed class AuditEvent
{
    /// <summary>1, 2, 3 ... without gaps; the chain's order.</summary>
    public long Sequence { get; set; }

    public DateTime OccurredAt { get; set; }

    public string Action { get; set; } = "";

    public Guid? ActorId { get; set; }

    public string? ActorName { get; set; }

    public string? IpAddress { get; set; }

    public string? TargetType { get; set; }

    public string? TargetId { get; set; }

    public string? Details { get; set; }

    /// <summary>Hex SHA-256 of the previous event (64 zeros for the first).</summary>
    public string PreviousHash { get; set; } = "";

    /// <summary>Hex SHA-256 over this event's fields and <see cref="PreviousHash"/>.</summary>
    public string Hash { get; set; } = "";
}
