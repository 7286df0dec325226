namespace Portal.Sync.Services;

/// <summary>The audit actions the Sync module records.</summary>
public static class SyncAuditActions
{
    public const string Approved = "sync.connection.approved";
    public const string Denied = "sync.connection.denied";
    public const string Revoked = "sync.connection.revoked";
}
