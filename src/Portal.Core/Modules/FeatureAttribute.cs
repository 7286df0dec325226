namespace Portal.Core.Modules;

/// <summary>Puts a Razor page (or page model) under a feature other than its module's main one.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class FeatureAttribute(string featureId) : Attribute
{
    public string FeatureId { get; } = featureId;
}
