namespace Portal.Projects.Models;

/// <summary>The audit target types of the Projects module's entries (see <see cref="Core.Contracts.IAuditTargetNames"/>).</summary>
public static class ProjectAuditTargets
{
    public const string Project = "project";

    public const string Status = "project-status";
}
