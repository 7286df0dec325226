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
    /// <summary>
    /// What a client can do with the feature, as the end of "Here you can ...": "exchange documents".
    /// The client site's welcome promises only what the practice has switched on.
    /// </summary>
    public string? ClientPromise { get; init; }

    /// <summary>Filled in by the catalog: the module that declares the feature.</summary>
    public string ModuleId { get; init; } = "";
}
