using Microsoft.EntityFrameworkCore;
using Portal.Core.Contracts;
using Portal.Tasks.Data;

namespace Portal.Tasks.Services;

internal sealed class TaskAuditTargetNames(TasksDbContext db) : IAuditTargetNames
{
    public string TargetType => TaskAuditTargets.Task;

    public async Task<IReadOnlyDictionary<string, string>> NamesAsync(IReadOnlyCollection<string> targetIds, CancellationToken cancellationToken = default)
    {
        var ids = targetIds.Select(t => Guid.TryParse(t, out var id) ? id : Guid.Empty).Where(id => id != Guid.Empty).Distinct().ToList();
        if (ids.Count == 0)
        {
            return new Dictionary<string, string>();
        }

        return await db.Tasks.AsNoTracking().Where(t => ids.Contains(t.Id))
            .ToDictionaryAsync(t => t.Id.ToString(), t => t.Title, cancellationToken);
    }
}
