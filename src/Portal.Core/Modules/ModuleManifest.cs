namespace Portal.Core.Modules;

/// <summary>What a module is and which features it brings; the first feature is the module's main one.</summary>
public sealed record ModuleManifest(string Id, string Name, string Description, IReadOnlyList<FeatureDescriptor> Features)
{
    public FeatureDescriptor MainFeature => Features[0];
}
