using Portal.Core.Contracts;

namespace Portal.Sync.Services;

internal sealed class SyncAuditActionDescriptions : IAuditActionDescriptions
{
    public IEnumerable<AuditActionDescription> Describe() =>
    [
        new(SyncAuditActions.Approved, "Desktop program connected", "approved the desktop program on {target}"),
        new(SyncAuditActions.Denied, "Desktop program refused", "denied a desktop program's request to connect"),
        new(SyncAuditActions.Revoked, "Desktop program disconnected", "revoked the desktop program on {target}"),
    ];
}
