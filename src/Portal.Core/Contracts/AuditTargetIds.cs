namespace Portal.Core.Contracts;

/// <summary>Target ids are text in the trail (a path is a target too); the modules' own targets are GUIDs.</summary>
public static class AuditTargetIds
{
    /// <summary>The ids that are GUIDs, once each; anything else is not a row a module could name.</summary>
    public static IReadOnlyList<Guid> Guids(IEnumerable<string> targetIds)
        => targetIds.Select(id => Guid.TryParse(id, out var guid) ? guid : (Guid?)null).OfType<Guid>().Distinct().ToList();

    /// <summary>Names by the GUID's text as the trail records it (lower case, with hyphens).</summary>
    public static IReadOnlyDictionary<string, string> ByText(IEnumerable<KeyValuePair<Guid, string>> names)
        => names.ToDictionary(n => n.Key.ToString(), n => n.Value, StringComparer.OrdinalIgnoreCase);
}
