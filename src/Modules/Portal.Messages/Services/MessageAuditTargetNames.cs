using Microsoft.EntityFrameworkCore;
using Portal.Core.Contracts;
using Portal.Messages.Data;
using Portal.Messages.Models;

namespace Portal.Messages.Services;

/// <summary>Threads in the audit trail by their subject.</summary>
internal sealed class ThreadAuditTargetNames(MessagesDbContext db) : RowAuditTargetNames
{
    public override string TargetType => MessageAuditTargets.Thread;

    protected override Task<Dictionary<Guid, string>> NamesOfAsync(IReadOnlyList<Guid> ids, CancellationToken cancellationToken)
        => db.Threads.AsNoTracking().Where(t => ids.Contains(t.Id)).ToDictionaryAsync(t => t.Id, t => $"\"{t.Subject}\"", cancellationToken);
}

/// <summary>Contact reasons in the audit trail by their current name.</summary>
internal sealed class ReasonAuditTargetNames(MessagesDbContext db) : RowAuditTargetNames
{
    public override string TargetType => MessageAuditTargets.Reason;

    protected override Task<Dictionary<Guid, string>> NamesOfAsync(IReadOnlyList<Guid> ids, CancellationToken cancellationToken)
        => db.Reasons.AsNoTracking().Where(r => ids.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => $"\"{r.Name}\"", cancellationToken);
}
