using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Recipes;
using Portal.Core.Tenancy;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Core.Settings;

/// <summary>Runs a recipe of one <c>settings</c> step on a practice, the way setup runs recipes.</summary>
internal static class SettingsRecipes
{
    /// <param name="sections">The step's sections, e.g. <c>"branding": { "primaryColor": "#336699" }</c>.</param>
    /// <param name="folder">Where the step's files (a logo) are, when it names any.</param>
    public static Task RunSettingsStepAsync(this PortalApplication app, TenantDescriptor practice, string sections, string? folder = null)
    {
        var recipe = RecipeParser.Parse(
            $$"""{ "name": "settings-test", "steps": [ { "name": "features", "enable": [] }, { "name": "settings", {{sections}} } ] }""",
            "settings-test.recipe.json",
            folder);
        return app.InPracticeAsync(practice, sp => sp.GetRequiredService<RecipeExecutor>().ExecuteAsync(recipe, null, default));
    }
}
