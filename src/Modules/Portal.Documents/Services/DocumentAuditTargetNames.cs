using Microsoft.EntityFrameworkCore;
using Portal.Core.Contracts;
using Portal.Documents.Data;

namespace Portal.Documents.Services;

/// <summary>Documents' current file names for the audit trail, in the trash included (until it is purged).</summary>
internal sealed class DocumentAuditTargetNames(DocumentsDbContext db) : IAuditTargetNames
{
    public string TargetType => AuditTargetTypes.Document;

    public async Task<IReadOnlyDictionary<string, string>> NamesAsync(IReadOnlyCollection<string> targetIds, CancellationToken cancellationToken = default)
    {
        var ids = AuditTargetIds.Guids(targetIds);
        return ids.Count == 0
            ? new Dictionary<string, string>()
            : AuditTargetIds.ByText(await db.Documents.AsNoTracking().Where(d => ids.Contains(d.Id)).ToDictionaryAsync(d => d.Id, d => d.Name, cancellationToken));
    }
}
