using System.Text.Json.Nodes;

namespace Portal.Core.Recipes;

public sealed class RecipeStepContext(RecipeDescriptor recipe, int index, JsonObject step)
{
    public RecipeDescriptor Recipe { get; } = recipe;

    /// <summary>1-based.</summary>
    public int Index { get; } = index;

    /// <summary>The step's JSON with variables already substituted.</summary>
    public JsonObject Step { get; } = step;

    /// <summary>Resolves a file a step refers to (a logo, a document) against the recipe's folder,
    /// refusing paths that leave it.</summary>
    public string ResolveAsset(string field, string relativePath)
    {
        var root = Path.GetFullPath(Recipe.BasePath ?? throw new RecipeStepException(field, "this recipe has no folder to read files from."));
        var full = Path.GetFullPath(Path.Combine(root, relativePath));
        if (!full.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new RecipeStepException(field, $"'{relativePath}' is outside the recipe's folder.");
        }

        return File.Exists(full) ? full : throw new RecipeStepException(field, $"the file '{relativePath}' does not exist next to the recipe.");
    }
}
