using Portal.Core.Contracts;

namespace Portal.Clients.Services;

/// <summary>Clients' current names for the audit trail (archived clients keep theirs).</summary>
internal sealed class ClientAuditTargetNames(IClientDirectory clients) : IAuditTargetNames
{
    public string TargetType => AuditTargetTypes.Client;

    public async Task<IReadOnlyDictionary<string, string>> NamesAsync(IReadOnlyCollection<string> targetIds, CancellationToken cancellationToken = default)
    {
        var ids = AuditTargetIds.Guids(targetIds);
        return ids.Count == 0
            ? new Dictionary<string, string>()
            : AuditTargetIds.ByText((await clients.FindManyAsync(ids, cancellationToken)).Select(c => KeyValuePair.Create(c.Key, c.Value.Name)));
    }
}
