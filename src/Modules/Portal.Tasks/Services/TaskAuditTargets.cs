namespace Portal.Tasks.Services;

internal static class TaskAuditTargets
{
    public const string Task = "task";
}
