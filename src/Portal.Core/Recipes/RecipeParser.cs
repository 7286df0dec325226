using System.Text.Json;
using System.Text.Json.Nodes;

namespace Portal.Core.Recipes;

/// <summary>Reads recipe JSON and checks its outer shape; each step's own fields are checked by its handler.</summary>
public static class RecipeParser
{
    public static RecipeDescriptor Parse(string json, string source, string? basePath = null)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException ex)
        {
            throw new RecipeException(source, null, null, null, $"is not valid JSON (line {ex.LineNumber + 1}, position {ex.BytePositionInLine + 1}).", ex);
        }

        if (root is not JsonObject recipe)
        {
            throw new RecipeException(source, null, null, null, "must be a JSON object.");
        }

        var name = ReadString(recipe, "name", source, required: true)!;
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        if (recipe["variables"] is { } variablesNode)
        {
            if (variablesNode is not JsonObject variablesObject)
            {
                throw new RecipeException(name, null, null, "variables", "must be an object of names and values.");
            }

            foreach (var (key, value) in variablesObject)
            {
                variables[key] = value is JsonValue v && v.TryGetValue<string>(out var s) ? s : value?.ToJsonString() ?? "";
            }
        }

        if (recipe["steps"] is not JsonArray stepsArray)
        {
            throw new RecipeException(name, null, null, "steps", "is required and must be an array of steps.");
        }

        var steps = new List<JsonObject>();
        for (var i = 0; i < stepsArray.Count; i++)
        {
            if (stepsArray[i] is not JsonObject step)
            {
                throw new RecipeException(name, i + 1, null, null, "must be an object with a \"name\".");
            }

            if (step["name"] is not JsonValue stepName || !stepName.TryGetValue<string>(out var stepNameText) || string.IsNullOrWhiteSpace(stepNameText))
            {
                throw new RecipeException(name, i + 1, null, "name", "is required: it says which step handler runs the step.");
            }

            steps.Add(step);
        }

        return new RecipeDescriptor
        {
            Name = name,
            DisplayName = ReadString(recipe, "displayName", name, required: false) ?? name,
            Description = ReadString(recipe, "description", name, required: false) ?? "",
            IsSetupRecipe = recipe["isSetupRecipe"] is JsonValue setup && setup.TryGetValue<bool>(out var isSetup) && isSetup,
            Variables = variables,
            Steps = steps,
            BasePath = basePath,
        };
    }

    private static string? ReadString(JsonObject recipe, string field, string source, bool required)
    {
        var node = recipe[field];
        if (node is null)
        {
            return required ? throw new RecipeException(source, null, null, field, "is required.") : null;
        }

        return node is JsonValue value && value.TryGetValue<string>(out var text) && !string.IsNullOrWhiteSpace(text)
            ? text
            : throw new RecipeException(source, null, null, field, "must be a non-empty string.");
    }
}
