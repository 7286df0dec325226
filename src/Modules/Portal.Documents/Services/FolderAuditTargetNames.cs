using Microsoft.EntityFrameworkCore;
using Portal.Core.Contracts;
using Portal.Documents.Data;

namespace Portal.Documents.Services;

/// <summary>Folders' current names for the audit trail, deleted ones included (their row stays).</summary>
internal sealed class FolderAuditTargetNames(DocumentsDbContext db) : IAuditTargetNames
{
    public string TargetType => AuditTargetTypes.Folder;

    public async Task<IReadOnlyDictionary<string, string>> NamesAsync(IReadOnlyCollection<string> targetIds, CancellationToken cancellationToken = default)
    {
        var ids = AuditTargetIds.Guids(targetIds);
        return ids.Count == 0
            ? new Dictionary<string, string>()
            : AuditTargetIds.ByText(await db.Folders.AsNoTracking().Where(f => ids.Contains(f.Id)).ToDictionaryAsync(f => f.Id, f => f.Name, cancellationToken));
    }
}
