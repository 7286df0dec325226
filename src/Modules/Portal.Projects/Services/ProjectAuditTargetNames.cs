using Microsoft.EntityFrameworkCore;
using Portal.Core.Contracts;
using Portal.Projects.Data;
using Portal.Projects.Models;

namespace Portal.Projects.Services;

internal sealed class ProjectAuditTargetNames(ProjectsDbContext db) : RowAuditTargetNames
{
    public override string TargetType => ProjectAuditTargets.Project;

    protected override Task<Dictionary<Guid, string>> NamesOfAsync(IReadOnlyList<Guid> ids, CancellationToken cancellationToken)
        => db.Projects.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);
}
