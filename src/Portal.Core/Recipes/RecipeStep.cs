using System.Text.Json;
using System.Text.Json.Serialization;

namespace Portal.Core.Recipes;

/// <summary>A step whose JSON is read into <typeparamref name="TModel"/>; unknown fields are errors (typos surface).</summary>
public abstract class RecipeStep<TModel> : IRecipeStep
    where TModel : class
{
    private static readonly JsonSerializerOptions ModelOptions = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        Converters = { new JsonStringEnumConverter() },
    };

    public abstract string Name { get; }

    public Func<CancellationToken, Task> Prepare(RecipeStepContext context)
    {
        var body = context.Step.DeepClone().AsObject();
        body.Remove("name");
        TModel model;
        try
        {
            model = body.Deserialize<TModel>(ModelOptions) ?? throw new RecipeStepException(null, "is empty.");
        }
        catch (JsonException ex)
        {
            // The path already ends with the offending property, e.g. "$.users[0].emial".
            var field = ex.Path is { Length: > 2 } path ? path.TrimStart('$', '.') : null;
            var problem = ex.Message.Contains("could not be mapped", StringComparison.Ordinal)
                ? "is not a field this step knows."
                : "has a value of the wrong type.";
            throw new RecipeStepException(field, problem, ex);
        }

        var problems = Validate(model, context).ToList();
        if (problems.Count > 0)
        {
            throw new RecipeStepException(problems[0].Field, problems[0].Problem);
        }

        return cancellationToken => ExecuteAsync(model, context, cancellationToken);
    }

    protected virtual IEnumerable<(string Field, string Problem)> Validate(TModel model, RecipeStepContext context) => [];

    protected abstract Task ExecuteAsync(TModel model, RecipeStepContext context, CancellationToken cancellationToken);
}
