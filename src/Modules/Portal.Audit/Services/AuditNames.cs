using System.Text.RegularExpressions;
using Portal.Audit.Models;
using Portal.Core.Contracts;

namespace Portal.Audit.Services;

/// <summary>
/// Current names of everything a page of events mentions: targets, actors (users) and the ids some
/// details carry ("client {id}"). Each module's <see cref="IAuditTargetNames"/> is asked once, with all
/// the ids of its type and every id found in details (whose type the text does not say), so a page costs
/// one query per target type however many events it lists.
/// </summary>
public sealed partial class AuditNames(IEnumerable<IAuditTargetNames> providers)
{
    private readonly IReadOnlyList<IAuditTargetNames> _providers = providers.ToList();

    public async Task<AuditNameIndex> ForAsync(IReadOnlyList<AuditEvent> events, CancellationToken cancellationToken = default)
    {
        var mentioned = events.SelectMany(e => Ids().Matches(e.Details ?? "").Concat(Ids().Matches(e.TargetType == AuditTargetTypes.Path ? e.TargetId ?? "" : "")))
            .Select(m => m.Value)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        var byType = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        var anyType = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var provider in _providers)
        {
            var ids = events.Where(e => e.TargetType == provider.TargetType && e.TargetId is not null).Select(e => e.TargetId!)
                .Concat(provider.TargetType == AuditTargetTypes.User ? events.Where(e => e.ActorId is not null).Select(e => e.ActorId!.Value.ToString()) : [])
                .Concat(mentioned)
                .ToHashSet(StringComparer.OrdinalIgnoreCase);
            if (ids.Count == 0)
            {
                continue;
            }

            var names = await provider.NamesAsync(ids, cancellationToken);
            var ofType = byType.TryGetValue(provider.TargetType, out var existing) ? existing : byType[provider.TargetType] = new(StringComparer.OrdinalIgnoreCase);
            foreach (var (id, name) in names)
            {
                ofType.TryAdd(id, name);
                if (mentioned.Contains(id))
                {
                    anyType.TryAdd(id, name);
                }
            }
        }

        return new AuditNameIndex(byType, anyType, _providers.Select(p => p.TargetType).ToHashSet(StringComparer.Ordinal));
    }

    /// <summary>A GUID as the trail records them (ToString's "D" format), in either case.</summary>
    [GeneratedRegex("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}", RegexOptions.CultureInvariant)]
    internal static partial Regex Ids();
}

/// <summary>What <see cref="AuditNames"/> found: names by target type and id, names of ids found in text, and the types some module names.</summary>
public sealed class AuditNameIndex(
    IReadOnlyDictionary<string, Dictionary<string, string>> byType,
    IReadOnlyDictionary<string, string> mentioned,
    IReadOnlySet<string> namedTypes)
{
    public string? Find(string? targetType, string? targetId)
        => targetType is not null && targetId is not null && byType.TryGetValue(targetType, out var names) && names.TryGetValue(targetId, out var name) ? name : null;

    public string? FindMentioned(string id) => mentioned.GetValueOrDefault(id);

    /// <summary>Whether a module names targets of this type: if so, a target it does not know no longer exists.</summary>
    public bool IsNamed(string? targetType) => targetType is not null && namedTypes.Contains(targetType);
}
