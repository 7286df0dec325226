using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Portal.Core.Data;

namespace Portal.Core.Recipes;

/// <summary>
/// Applies a recipe to the current practice: substitutes variables, prepares (validates) every step,
/// then runs them in order. Any problem is reported as a <see cref="RecipeException"/> naming the step
/// and field.
/// </summary>
public sealed class RecipeExecutor(IEnumerable<IRecipeStep> steps, CoreTenantDbContext db, TimeProvider clock, ILogger<RecipeExecutor> logger)
{
    private readonly Dictionary<string, IRecipeStep> _steps = steps.ToDictionary(s => s.Name, StringComparer.OrdinalIgnoreCase);

    public async Task ExecuteAsync(RecipeDescriptor recipe, IReadOnlyDictionary<string, string>? variables, CancellationToken cancellationToken)
    {
        var merged = new Dictionary<string, string>(recipe.Variables, StringComparer.Ordinal);
        foreach (var (name, value) in variables ?? new Dictionary<string, string>())
        {
            merged[name] = value;
        }

        var prepared = new List<(int Index, string Name, Func<CancellationToken, Task> Run)>();
        for (var i = 0; i < recipe.Steps.Count; i++)
        {
            var index = i + 1;
            var stepName = (string)recipe.Steps[i]["name"]!;
            if (!_steps.TryGetValue(stepName, out var handler))
            {
                throw new RecipeException(recipe.Name, index, stepName, "name", $"there is no step named '{stepName}'. Known steps: {string.Join(", ", _steps.Keys.Order())}.");
            }

            try
            {
                var step = RecipeVariables.Substitute(recipe.Steps[i], merged);
                prepared.Add((index, stepName, handler.Prepare(new RecipeStepContext(recipe, index, step))));
            }
            catch (RecipeStepException ex)
            {
                throw new RecipeException(recipe.Name, index, stepName, ex.Field, ex.Message, ex);
            }
        }

        var run = new RecipeRun { Id = Guid.CreateVersion7(), RecipeName = recipe.Name, StartedAt = clock.GetUtcNow().UtcDateTime };
        try
        {
            foreach (var (index, name, execute) in prepared)
            {
                try
                {
                    var started = Stopwatch.GetTimestamp();
                    await execute(cancellationToken);
                    logger.LogDebug("Recipe {Recipe} step {Index} ({Step}) ran in {ElapsedMs:F0} ms", recipe.Name, index, name, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }
                catch (RecipeStepException ex)
                {
                    throw new RecipeException(recipe.Name, index, name, ex.Field, ex.Message, ex);
                }
                catch (Exception ex) when (ex is not RecipeException and not OperationCanceledException)
                {
                    throw new RecipeException(recipe.Name, index, name, null, $"failed: {ex.Message}", ex);
                }
            }

            run.Succeeded = true;
        }
        catch (RecipeException ex)
        {
            run.Error = ex.Message.Length > 2000 ? ex.Message[..2000] : ex.Message;
            throw;
        }
        finally
        {
            run.CompletedAt = clock.GetUtcNow().UtcDateTime;
            db.ChangeTracker.Clear();
            db.RecipeRuns.Add(run);
            await db.SaveChangesAsync(CancellationToken.None);
        }
    }
}
