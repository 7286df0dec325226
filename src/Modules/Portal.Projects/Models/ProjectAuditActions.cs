namespace Portal.Projects.Models;

/// <summary>The audit actions the Projects module records.</summary>
public static class ProjectAuditActions
{
    public const string Created = "projects.created";
    public const string Changed = "projects.changed";
    public const string StatusPosted = "projects.status-posted";
    public const string StatusAdded = "projects.statuses.added";
    public const string StatusChanged = "projects.statuses.changed";
    public const string StatusesReordered = "projects.statuses.reordered";
    public const string StatusRetired = "projects.statuses.retired";
    public const string StatusRestored = "projects.statuses.restored";
}
