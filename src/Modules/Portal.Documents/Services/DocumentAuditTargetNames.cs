using Microsoft.EntityFrameworkCore;
using Portal.Core.Contracts;
using Portal.Documents.Data;

namespace Portal.Documents.Services;

/// <summary>Documents' current file names for the audit trail, in the trash included (until it is purged).</summary>
internal sealed class DocumentAuditTargetNames(DocumentsDbContext db) : RowAuditTargetNames
{
    public override string TargetType => AuditTargetTypes.Document;

    protected override Task<Dictionary<Guid, string>> NamesOfAsync(IReadOnlyList<Guid> ids, CancellationToken cancellationToken)
        => db.Documents.AsNoTracking().Where(d => ids.Contains(d.Id)).ToDictionaryAsync(d => d.Id, d => d.Name, cancellationToken);
}
