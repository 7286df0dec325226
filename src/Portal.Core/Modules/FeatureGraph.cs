using System.Collections.Frozen;

namespace Portal.Core.Modules;

/// <summary>
/// The dependency graph of every feature the host knows. Validated once at start: an unknown
/// dependency or a cycle stops the application rather than surfacing later in a practice.
/// </summary>
public sealed class FeatureGraph
{
    private readonly FrozenDictionary<string, FeatureDescriptor> _features;

    public FeatureGraph(IEnumerable<FeatureDescriptor> features)
    {
        var list = features.ToList();
        var duplicate = list.GroupBy(f => f.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException($"Feature '{duplicate.Key}' is declared twice.");
        }

        _features = list.ToFrozenDictionary(f => f.Id, StringComparer.Ordinal);
        foreach (var feature in list)
        {
            foreach (var dependency in feature.Dependencies)
            {
                if (!_features.ContainsKey(dependency))
                {
                    throw new InvalidOperationException($"Feature '{feature.Id}' depends on '{dependency}', which no module declares.");
                }
            }
        }

        Ordered = TopologicalOrder(list);
        AlwaysOn = list.Where(f => f.AlwaysOn).Select(f => f.Id).ToFrozenSet(StringComparer.Ordinal);
        var alwaysOnClosure = Expand(AlwaysOn);
        AlwaysOn = alwaysOnClosure.ToFrozenSet(StringComparer.Ordinal);
    }

    /// <summary>Every feature, dependencies before dependents.</summary>
    public IReadOnlyList<FeatureDescriptor> Ordered { get; }

    /// <summary>Always-on features and everything they need.</summary>
    public FrozenSet<string> AlwaysOn { get; }

    public FeatureDescriptor? Find(string id) => _features.GetValueOrDefault(id);

    public bool Contains(string id) => _features.ContainsKey(id);

    /// <summary>The features plus, transitively, everything they depend on.</summary>
    public IReadOnlySet<string> Expand(IEnumerable<string> ids)
    {
        var result = new HashSet<string>(StringComparer.Ordinal);
        var stack = new Stack<string>(ids);
        while (stack.Count > 0)
        {
            var id = stack.Pop();
            if (!result.Add(id))
            {
                continue;
            }

            var feature = _features.GetValueOrDefault(id) ?? throw new InvalidOperationException($"Unknown feature '{id}'.");
            foreach (var dependency in feature.Dependencies)
            {
                stack.Push(dependency);
            }
        }

        return result;
    }

    /// <summary>Enabled features that need <paramref name="id"/>, directly or through others.</summary>
    public IReadOnlyList<FeatureDescriptor> EnabledDependents(string id, IReadOnlySet<string> enabled)
        => Ordered.Where(f => f.Id != id && enabled.Contains(f.Id) && Expand([f.Id]).Contains(id)).ToList();

    private List<FeatureDescriptor> TopologicalOrder(List<FeatureDescriptor> features)
    {
        var order = new List<FeatureDescriptor>(features.Count);
        var state = new Dictionary<string, int>(StringComparer.Ordinal);

        void Visit(FeatureDescriptor feature, Stack<string> path)
        {
            switch (state.GetValueOrDefault(feature.Id))
            {
                case 2:
                    return;
                case 1:
                    throw new InvalidOperationException($"Features depend on each other in a cycle: {string.Join(" -> ", path.Reverse().Append(feature.Id))}.");
            }

            state[feature.Id] = 1;
            path.Push(feature.Id);
            foreach (var dependency in feature.Dependencies)
            {
                Visit(_features[dependency], path);
            }

            path.Pop();
            state[feature.Id] = 2;
            order.Add(feature);
        }

        foreach (var feature in features.OrderBy(f => f.Id, StringComparer.Ordinal))
        {
            Visit(feature, new Stack<string>());
        }

        return order;
    }
}
