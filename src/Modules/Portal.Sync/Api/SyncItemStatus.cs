namespace Portal.Sync.Api;

/// <summary>What became of one batch item; the wire values of <see cref="SyncItemResult.Status"/>.</summary>
public static class SyncItemStatus
{
    public const string Created = "created";
    public const string Updated = "updated";
    public const string Unchanged = "unchanged";
    public const string Deleted = "deleted";
    public const string Error = "error";

    /// <summary>A document whose content the portal does not have yet: send it with tus.</summary>
    public const string Upload = "upload";
}
