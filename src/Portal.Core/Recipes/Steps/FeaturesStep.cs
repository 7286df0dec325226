using Portal.Core.Modules;

namespace Portal.Core.Recipes.Steps;

/// <summary><c>{ "name": "features", "enable": [...], "disable": [...] }</c></summary>
public sealed class FeaturesStep(TenantFeatures features, ModuleCatalog catalog) : RecipeStep<FeaturesStep.Model>
{
    public override string Name => "features";

    protected override IEnumerable<(string Field, string Problem)> Validate(Model model, RecipeStepContext context)
    {
        for (var i = 0; i < model.Enable.Count; i++)
        {
            if (!catalog.Features.Contains(model.Enable[i]))
            {
                yield return ($"enable[{i}]", $"there is no feature '{model.Enable[i]}'.");
            }
        }

        for (var i = 0; i < model.Disable.Count; i++)
        {
            if (!catalog.Features.Contains(model.Disable[i]))
            {
                yield return ($"disable[{i}]", $"there is no feature '{model.Disable[i]}'.");
            }
        }
    }

    protected override async Task ExecuteAsync(Model model, RecipeStepContext context, CancellationToken cancellationToken)
    {
        if (model.Enable.Count > 0)
        {
            await features.EnableAsync(model.Enable, cancellationToken);
        }

        foreach (var id in model.Disable)
        {
            var change = await features.DisableAsync(id, cancellationToken);
            if (!change.Succeeded)
            {
                throw new RecipeStepException("disable", change.Error!);
            }
        }
    }

    public sealed class Model
    {
        public List<string> Enable { get; set; } = [];

        public List<string> Disable { get; set; } = [];
    }
}
