using System.Text.Json.Nodes;

namespace Portal.Core.Recipes;

/// <summary>A parsed recipe: Orchard-shaped JSON (name, displayName, description, isSetupRecipe, variables, steps).</summary>
public sealed class RecipeDescriptor
{
    public required string Name { get; init; }

    public required string DisplayName { get; init; }

    public string Description { get; init; } = "";

    public bool IsSetupRecipe { get; init; }

    /// <summary>Default values; callers may override them.</summary>
    public IReadOnlyDictionary<string, string> Variables { get; init; } = new Dictionary<string, string>();

    public required IReadOnlyList<JsonObject> Steps { get; init; }

    /// <summary>Folder the recipe was read from; steps resolve asset paths (logos, files) against it.</summary>
    public string? BasePath { get; init; }
}
