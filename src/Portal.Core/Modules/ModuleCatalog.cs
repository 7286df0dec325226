using System.Collections.Frozen;
using System.Reflection;

namespace Portal.Core.Modules;

/// <summary>The modules composed into this host and the features they declare.</summary>
public sealed class ModuleCatalog
{
    private readonly FrozenDictionary<Assembly, ModuleManifest> _byAssembly;

    public ModuleCatalog(IEnumerable<ModuleStartup> startups)
    {
        Startups = startups.ToList();
        Modules = Startups.Select(s => WithModuleIds(s.Manifest)).ToList();
        _byAssembly = Startups
            .Select((s, i) => (s.GetType().Assembly, Manifest: Modules[i]))
            .ToFrozenDictionary(p => p.Assembly, p => p.Manifest);
        Features = new FeatureGraph(Modules.SelectMany(m => m.Features));
        Integrations = Startups.SelectMany(s => s.Integrations).Where(i => i.RequiredFeatures.All(Features.Contains)).ToList();
    }

    public IReadOnlyList<ModuleStartup> Startups { get; }

    public IReadOnlyList<ModuleManifest> Modules { get; }

    public FeatureGraph Features { get; }

    /// <summary>The modules' integrations whose required features are all in this host.</summary>
    public IReadOnlyList<ModuleIntegration> Integrations { get; }

    public ModuleManifest? FindByAssembly(Assembly assembly) => _byAssembly.GetValueOrDefault(assembly);

    private static ModuleManifest WithModuleIds(ModuleManifest manifest)
        => manifest with { Features = manifest.Features.Select(f => f with { ModuleId = manifest.Id }).ToList() };
}
