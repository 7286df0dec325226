using Microsoft.EntityFrameworkCore;
using Portal.Core.Contracts;
using Portal.Projects.Data;
using Portal.Projects.Models;

namespace Portal.Projects.Services;

internal sealed class ProjectStatusAuditTargetNames(ProjectsDbContext db) : RowAuditTargetNames
{
    public override string TargetType => ProjectAuditTargets.Status;

    protected override Task<Dictionary<Guid, string>> NamesOfAsync(IReadOnlyList<Guid> ids, CancellationToken cancellationToken)
        => db.Statuses.AsNoTracking().Where(s => ids.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Name, cancellationToken);
}
