using System.Text.Json.Nodes;
using Portal.Core.Settings;
using Portal.Core.Theming;

namespace Portal.Core.Recipes.Steps;

/// <summary>
/// <c>{ "name": "settings", "site": {...}, "branding": { "primaryColor": "#...", "logoFile": "assets/logo.svg" } }</c>:
/// every other property is a settings section whose fields are merged into what the practice has.
/// </summary>
public sealed class SettingsStep(SiteSettingsStore store) : IRecipeStep
{
    private static readonly Dictionary<string, string> LogoTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        [".png"] = "image/png",
        [".jpg"] = "image/jpeg",
        [".jpeg"] = "image/jpeg",
        [".svg"] = "image/svg+xml",
    };

    public string Name => "settings";

    public Func<CancellationToken, Task> Prepare(RecipeStepContext context)
    {
        var sections = new List<(string Section, JsonObject Values)>();
        foreach (var (section, node) in context.Step)
        {
            if (section == "name")
            {
                continue;
            }

            if (node is not JsonObject values)
            {
                throw new RecipeStepException(section, "must be an object of setting names and values.");
            }

            var copy = values.DeepClone().AsObject();
            if (section == BrandingSettings.SectionName)
            {
                PrepareBranding(copy, context);
            }

            sections.Add((section, copy));
        }

        return async cancellationToken =>
        {
            foreach (var (section, values) in sections)
            {
                await store.SaveJsonAsync(section, values, merge: true, cancellationToken);
            }
        };
    }

    private static void PrepareBranding(JsonObject branding, RecipeStepContext context)
    {
        foreach (var color in new[] { "primaryColor", "accentColor" })
        {
            if (branding[color] is { } node && !BrandColor.IsValid(node.GetValue<string>()))
            {
                throw new RecipeStepException($"branding.{color}", "must be a color like #1f5f8b.");
            }
        }

        if (branding["logoFile"] is not { } logoNode)
        {
            return;
        }

        var relative = logoNode.GetValue<string>();
        var path = context.ResolveAsset("branding.logoFile", relative);
        if (!LogoTypes.TryGetValue(Path.GetExtension(path), out var contentType))
        {
            throw new RecipeStepException("branding.logoFile", "must be a .png, .jpg or .svg file.");
        }

        var bytes = File.ReadAllBytes(path);
        if (bytes.Length > BrandingSettings.MaxLogoBytes)
        {
            throw new RecipeStepException("branding.logoFile", $"is larger than {BrandingSettings.MaxLogoBytes / 1024} KB.");
        }

        branding.Remove("logoFile");
        branding["logoContentType"] = contentType;
        branding["logoData"] = Convert.ToBase64String(bytes);
    }
}
