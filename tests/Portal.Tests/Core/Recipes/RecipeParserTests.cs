using Portal.Core.Recipes;

namespace Portal.Tests.Core.Recipes;

public sealed class RecipeParserTests
{
    [Fact]
    public void Reads_an_orchard_shaped_recipe()
    {
        var recipe = RecipeParser.Parse(
            """
            {
              "name": "x", "displayName": "X", "description": "d", "isSetupRecipe": true,
              "variables": { "color": "#fff" },
              "steps": [ { "name": "features", "enable": [] }, { "name": "settings" } ]
            }
            """,
            "x.recipe.json");

        Assert.Equal("x", recipe.Name);
        Assert.True(recipe.IsSetupRecipe);
        Assert.Equal("#fff", recipe.Variables["color"]);
        Assert.Equal(2, recipe.Steps.Count);
    }

    [Theory]
    [InlineData("{ nope", "not valid JSON (line 1")]
    [InlineData("[]", "must be a JSON object")]
    [InlineData("""{ "steps": [] }""", "field 'name': is required")]
    [InlineData("""{ "name": "r" }""", "recipe 'r', field 'steps'")]
    [InlineData("""{ "name": "r", "steps": [ { "name": "features" }, 42 ] }""", "recipe 'r', step 2")]
    [InlineData("""{ "name": "r", "steps": [ { "enable": [] } ] }""", "step 1 (?), field 'name'")]
    [InlineData("""{ "name": "r", "variables": [], "steps": [] }""", "field 'variables'")]
    public void Malformed_recipes_name_where_the_problem_is(string json, string expected)
    {
        var error = Assert.Throws<RecipeException>(() => RecipeParser.Parse(json, "bad.recipe.json"));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_shipped_recipes_parse()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "recipes");
        var files = Directory.GetFiles(folder, "*.recipe.json");
        Assert.Contains(files, f => f.EndsWith("practice.recipe.json", StringComparison.Ordinal));
        Assert.Contains(files, f => f.EndsWith("demo.recipe.json", StringComparison.Ordinal));
        foreach (var file in files)
        {
            var recipe = RecipeParser.Parse(File.ReadAllText(file), Path.GetFileName(file));
            Assert.True(recipe.IsSetupRecipe);
        }
    }

    [Fact]
    public void Variables_are_substituted_in_nested_values_and_unknown_ones_name_the_field()
    {
        var step = System.Text.Json.Nodes.JsonNode.Parse("""{ "name": "users", "users": [ { "email": "{{ adminEmail }}", "tags": ["{{x}}-1"] } ] }""")!.AsObject();
        var result = RecipeVariables.Substitute(step, new Dictionary<string, string> { ["adminEmail"] = "a@b.example", ["x"] = "y" });
        Assert.Equal("a@b.example", (string)result["users"]![0]!["email"]!);
        Assert.Equal("y-1", (string)result["users"]![0]!["tags"]![0]!);

        var error = Assert.Throws<RecipeStepException>(() => RecipeVariables.Substitute(step, new Dictionary<string, string> { ["x"] = "y" }));
        Assert.Equal("users[0].email", error.Field);
        Assert.Contains("adminEmail", error.Message, StringComparison.Ordinal);
    }
}
