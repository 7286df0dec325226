using Microsoft.EntityFrameworkCore;
using Portal.Core.Contracts;
using Portal.Documents.Data;

namespace Portal.Documents.Services;

/// <summary>Folders' current names for the audit trail, deleted ones included (their row stays).</summary>
internal sealed class FolderAuditTargetNames(DocumentsDbContext db) : RowAuditTargetNames
{
    public override string TargetType => AuditTargetTypes.Folder;

    protected override Task<Dictionary<Guid, string>> NamesOfAsync(IReadOnlyList<Guid> ids, CancellationToken cancellationToken)
        => db.Folders.AsNoTracking().Where(f => ids.Contains(f.Id)).ToDictionaryAsync(f => f.Id, f => f.Name, cancellationToken);
}
