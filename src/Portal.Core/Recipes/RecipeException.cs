namespace Portal.Core.Recipes;

/// <summary>
/// A recipe that cannot be read or applied. The message names the step (position and name) and the
/// field, e.g. <c>step 3 (users): users[0].email: is required</c>.
/// </summary>
public sealed class RecipeException : Exception
{
    public RecipeException(string recipe, int? stepIndex, string? stepName, string? field, string problem, Exception? inner = null)
        : base(Format(recipe, stepIndex, stepName, field, problem), inner)
    {
        Recipe = recipe;
        StepIndex = stepIndex;
        StepName = stepName;
        Field = field;
        Problem = problem;
    }

    public string Recipe { get; }

    /// <summary>1-based position of the step, or null for a problem with the recipe as a whole.</summary>
    public int? StepIndex { get; }

    public string? StepName { get; }

    public string? Field { get; }

    public string Problem { get; }

    private static string Format(string recipe, int? stepIndex, string? stepName, string? field, string problem)
    {
        var where = stepIndex is null ? $"recipe '{recipe}'" : $"recipe '{recipe}', step {stepIndex} ({stepName ?? "?"})";
        return field is null ? $"{where}: {problem}" : $"{where}, field '{field}': {problem}";
    }
}

/// <summary>Thrown by step handlers: the executor adds the recipe and step to it.</summary>
public sealed class RecipeStepException(string? field, string problem, Exception? inner = null) : Exception(problem, inner)
{
    public string? Field { get; } = field;
}
