namespace Portal.Core.Recipes;

/// <summary>
/// Handles one kind of recipe step, looked up by <see cref="Name"/>. Preparing a step parses and
/// validates it without side effects, so a recipe is checked whole before anything is applied.
/// Steps must be idempotent: running a recipe twice duplicates nothing.
/// </summary>
public interface IRecipeStep
{
    string Name { get; }

    /// <summary>Parses and validates; throws <see cref="RecipeStepException"/>; returns the work to do.</summary>
    Func<CancellationToken, Task> Prepare(RecipeStepContext context);
}
