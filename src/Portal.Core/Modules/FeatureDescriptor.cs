namespace Portal.Core.Modules;

/// <summary>A unit that a practice can switch on or off; modules declare one or more.</summary>
public sealed record FeatureDescriptor(
    string Id,
    string Name,
    string Description,
    string Category,
    IReadOnlyList<string> Dependencies,
    bool AlwaysOn = false)
{
    /// <summary>Filled in by the catalog: the module that declares the feature.</summary>
    public string ModuleId { get; init; } = "";
}
