namespace Portal.Sync.Models;

/// <summary>A user code someone typed that matched no waiting device: counted to cap guessing.</summary>
public sealed class SyncUserCodeAttempt
{
    public Guid Id { get; set; }

    public Guid UserId { get; set; }

    public DateTime AttemptedAt { get; set; }
}
