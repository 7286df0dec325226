using System.Text.Json;
using System.Text.Json.Nodes;
using Portal.Core.Settings;
using Portal.Core.Theming;

namespace Portal.Core.Recipes.Steps;

/// <summary>
/// <c>{ "name": "settings", "site": {...}, "branding": { "primaryColor": "#...", "logoFile": "assets/logo.png" } }</c>:
/// every other property names a registered settings section (<see cref="SettingsRegistry"/>), whose
/// given fields are set and the others kept. A section or field nobody registered, a field the portal
/// sets itself, a value of the wrong type or one the section's validator refuses is an error naming
/// it (<c>field 'branding.primaryColor'</c>), found before any step runs. <c>branding.logoFile</c> is
/// the recipe's way to give a logo: a PNG or JPEG file next to the recipe, within the limits of <see cref="BrandingOptions"/>.
/// </summary>
public sealed class SettingsStep(SiteSettingsStore store, BrandingLogo logo) : IRecipeStep
{
    private const string LogoFileField = "logoFile";

    public string Name => "settings";

    public Func<CancellationToken, Task> Prepare(RecipeStepContext context)
    {
        var sections = new List<(SettingsSectionDescriptor Section, JsonObject Values, LogoFile? Logo)>();
        foreach (var (name, node) in context.Step)
        {
            if (name == "name")
            {
                continue;
            }

            var section = store.Registry.Find(name)
                ?? throw new RecipeStepException(name, $"there is no settings section '{name}'. Known sections: {string.Join(", ", store.Registry.Sections.Select(s => s.Name))}.");
            if (node is not JsonObject given)
            {
                throw new RecipeStepException(name, "must be an object of setting names and values.");
            }

            var values = given.DeepClone().AsObject();
            LogoFile? logoFile = null;
            if (section.Name == BrandingSettings.SectionName && values.Remove(LogoFileField, out var logoNode))
            {
                logoFile = ReadLogo(logoNode, context);
            }

            // Checked against the defaults now, so a typo fails the recipe before anything is applied.
            var check = section.Apply(section.CreateDefaults(), values);
            if (!check.Succeeded)
            {
                throw Problem(section, check.Problems);
            }

            sections.Add((section, values, logoFile));
        }

        return async cancellationToken =>
        {
            foreach (var (section, values, logoFile) in sections)
            {
                var problems = await store.SaveFieldsAsync(section, values, cancellationToken);
                if (problems.Count > 0)
                {
                    throw Problem(section, problems);
                }

                if (logoFile is not null)
                {
                    await logo.ReplaceAsync(await store.GetAsync<BrandingSettings>(cancellationToken), logoFile.Bytes, logoFile.ContentType, cancellationToken);
                }
            }
        };
    }

    private static RecipeStepException Problem(SettingsSectionDescriptor section, IReadOnlyList<SettingsProblem> problems)
        => new($"{section.Name}.{problems[0].Field}", problems[0].Message);

    private LogoFile ReadLogo(JsonNode? node, RecipeStepContext context)
    {
        var field = $"{BrandingSettings.SectionName}.{LogoFileField}";
        if (node is not JsonValue value || value.GetValueKind() != JsonValueKind.String)
        {
            throw new RecipeStepException(field, "must be the name of a file next to the recipe, such as assets/logo.png.");
        }

        var (bytes, image) = logo.ReadAsset(context, field, value.GetValue<string>());
        return new LogoFile(bytes, image.ContentType);
    }

    private sealed record LogoFile(byte[] Bytes, string ContentType);
}
