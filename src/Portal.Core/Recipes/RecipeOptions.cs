namespace Portal.Core.Recipes;

/// <summary>Configuration section <c>Portal:Recipes</c>.</summary>
public sealed class RecipeOptions
{
    public const string Section = "Portal:Recipes";

    /// <summary>Folder with *.recipe.json files; default: the recipes folder copied next to the application.</summary>
    public string? Path { get; set; }
}
