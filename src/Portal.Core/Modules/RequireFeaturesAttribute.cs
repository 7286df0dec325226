namespace Portal.Core.Modules;

/// <summary>
/// Orchard Core's [RequireFeatures]: marks a <see cref="ModuleIntegration"/> as existing only when
/// every named feature is part of the host (its module was composed in).
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class RequireFeaturesAttribute(params string[] featureIds) : Attribute
{
    public IReadOnlyList<string> FeatureIds { get; } = featureIds;
}
