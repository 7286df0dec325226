using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Portal.Core.Recipes;

/// <summary>The recipes available to set up practices (*.recipe.json in the recipes folder).</summary>
public sealed class RecipeCatalog(IOptions<RecipeOptions> options, IHostEnvironment environment)
{
    /// <summary>A relative Portal:Recipes:Path is resolved against the content root, like Portal:AppData:Path.</summary>
    public string Folder { get; } = options.Value.Path is { } path
        ? System.IO.Path.GetFullPath(path, environment.ContentRootPath)
        : System.IO.Path.Combine(AppContext.BaseDirectory, "recipes");

    public async Task<IReadOnlyList<RecipeDescriptor>> ListAsync(CancellationToken cancellationToken)
    {
        if (!Directory.Exists(Folder))
        {
            return [];
        }

        var recipes = new List<RecipeDescriptor>();
        foreach (var file in Directory.EnumerateFiles(Folder, "*.recipe.json").Order(StringComparer.Ordinal))
        {
            recipes.Add(await ReadAsync(file, cancellationToken));
        }

        return recipes;
    }

    public async Task<RecipeDescriptor?> FindAsync(string name, CancellationToken cancellationToken)
    {
        var recipes = await ListAsync(cancellationToken);
        return recipes.FirstOrDefault(r => string.Equals(r.Name, name, StringComparison.OrdinalIgnoreCase));
    }

    private static async Task<RecipeDescriptor> ReadAsync(string file, CancellationToken cancellationToken)
    {
        var json = await File.ReadAllTextAsync(file, cancellationToken);
        return RecipeParser.Parse(json, System.IO.Path.GetFileName(file), System.IO.Path.GetDirectoryName(file));
    }
}
