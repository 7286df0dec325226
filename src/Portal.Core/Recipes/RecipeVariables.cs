using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Portal.Core.Recipes;

/// <summary>Replaces <c>{{ name }}</c> in a step's string values with the recipe's variables.</summary>
public static partial class RecipeVariables
{
    [GeneratedRegex(@"\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();

    public static JsonObject Substitute(JsonObject step, IReadOnlyDictionary<string, string> variables)
    {
        var copy = step.DeepClone().AsObject();
        Visit(copy, "", variables);
        return copy;
    }

    private static void Visit(JsonNode node, string path, IReadOnlyDictionary<string, string> variables)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, child) in obj.ToList())
                {
                    var childPath = path.Length == 0 ? key : $"{path}.{key}";
                    if (child is JsonValue value && value.TryGetValue<string>(out var text))
                    {
                        obj[key] = Replace(text, childPath, variables);
                    }
                    else if (child is not null)
                    {
                        Visit(child, childPath, variables);
                    }
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    var childPath = $"{path}[{i}]";
                    if (array[i] is JsonValue value && value.TryGetValue<string>(out var text))
                    {
                        array[i] = Replace(text, childPath, variables);
                    }
                    else if (array[i] is { } child)
                    {
                        Visit(child, childPath, variables);
                    }
                }

                break;
        }
    }

    private static string Replace(string text, string path, IReadOnlyDictionary<string, string> variables)
        => Placeholder().Replace(text, match =>
        {
            var name = match.Groups[1].Value;
            return variables.TryGetValue(name, out var value)
                ? value
                : throw new RecipeStepException(path, $"uses the variable '{name}', which the recipe does not define.");
        });
}
