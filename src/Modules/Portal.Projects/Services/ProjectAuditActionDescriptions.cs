using Portal.Core.Contracts;
using Portal.Projects.Models;

namespace Portal.Projects.Services;

internal sealed class ProjectAuditActionDescriptions : IAuditActionDescriptions
{
    public IEnumerable<AuditActionDescription> Describe() =>
    [
        new(ProjectAuditActions.Created, "Project created", "created the project {target}"),
        new(ProjectAuditActions.Changed, "Project changed", "changed the project {target}"),
        new(ProjectAuditActions.StatusPosted, "Project status posted", "posted a new status on the project {target}"),
        new(ProjectAuditActions.StatusAdded, "Project status added", "added the project status {target}"),
        new(ProjectAuditActions.StatusChanged, "Project status renamed or changed", "changed the project status {target}"),
        new(ProjectAuditActions.StatusesReordered, "Project statuses reordered", "moved the project status {target} in the list"),
        new(ProjectAuditActions.StatusRetired, "Project status retired", "retired the project status {target}"),
        new(ProjectAuditActions.StatusRestored, "Project status restored", "restored the project status {target}"),
    ];
}
