namespace Portal.Core.Recipes;

/// <summary>A record, in the practice's database, that a recipe ran.</summary>
public sealed class RecipeRun
{
    public Guid Id { get; set; }

    public string RecipeName { get; set; } = "";

    public DateTime StartedAt { get; set; }

    public DateTime? CompletedAt { get; set; }

    public bool Succeeded { get; set; }

    public string? Error { get; set; }
}
