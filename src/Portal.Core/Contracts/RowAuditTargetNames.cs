namespace Portal.Core.Contracts;

/// <summary>
/// An <see cref="IAuditTargetNames"/> for a module's own rows, which the trail records by GUID: the
/// ids that are GUIDs are looked up in one query, and a module says only which names to read.
/// </summary>
public abstract class RowAuditTargetNames : IAuditTargetNames
{
    public abstract string TargetType { get; }

    public async Task<IReadOnlyDictionary<string, string>> NamesAsync(IReadOnlyCollection<string> targetIds, CancellationToken cancellationToken = default)
    {
        var ids = AuditTargetIds.Guids(targetIds);
        return ids.Count == 0
            ? new Dictionary<string, string>()
            : AuditTargetIds.ByText(await NamesOfAsync(ids, cancellationToken));
    }

    /// <summary>The current names of those of <paramref name="ids"/> whose rows still exist.</summary>
    protected abstract Task<Dictionary<Guid, string>> NamesOfAsync(IReadOnlyList<Guid> ids, CancellationToken cancellationToken);
}
