namespace Portal.Sync.Services;

/// <summary>What <see cref="Portal.Core.Contracts.AuditEntry.TargetType"/> the Sync module's entries are about.</summary>
public static class SyncAuditTargets
{
    /// <summary>A connection of a program, by its authorization id.</summary>
    public const string Connection = "sync-connection";
}
