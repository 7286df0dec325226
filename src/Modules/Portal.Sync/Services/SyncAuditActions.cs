namespace Portal.Sync.Services;

/// <summary>The audit actions the Sync module records.</summary>
public static class SyncAuditActions
{
    public const string Approved = "sync.connection.approved";
    public const string Denied = "sync.connection.denied";
    public const string Revoked = "sync.connection.revoked";

    /// <summary>What <see cref="Portal.Core.Contracts.AuditEntry.TargetType"/> is for a connection (its authorization id).</summary>
    public const string ConnectionTarget = "sync-connection";
}
