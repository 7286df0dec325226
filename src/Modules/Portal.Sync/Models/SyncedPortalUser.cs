namespace Portal.Sync.Models;

/// <summary>
/// A portal user the practice's software knows by its own id: the id keeps the person's identity when
/// their e-mail address changes there (their account, files and history stay theirs).
/// </summary>
public sealed class SyncedPortalUser
{
    public string ExternalId { get; set; } = "";

    public Guid UserId { get; set; }

    /// <summary>The contact (client) the person was synced with.</summary>
    public Guid ClientId { get; set; }

    public DateTime CreatedAt { get; set; }
}
