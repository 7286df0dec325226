using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Data;
using Portal.Core.Mail;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Core.Mail;

/// <summary>
/// Every e-mail template a module registers, taken from the running application rather than listed
/// here, so a template added later is checked too: it parses, uses only placeholders its model has,
/// renders every value of its sample model (and of a variant with yes/no values flipped and lists of
/// one), and the built-in wording is what Handlebars produced before the move.
/// </summary>
public sealed class BuiltInTemplateTests(SharedApps apps) : IClassFixture<SharedApps>
{
    [Theory, BothDatabases]
    public async Task Every_registered_template_renders_every_value_of_its_sample_model(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var practice = await app.CreatePracticeAsync(displayName: "Built-in & Sons");
        var definitions = app.Get<IEnumerable<MailTemplateDefinition>>().ToList();

        // Identity's five, Documents' three: a registration lost in a refactoring fails here.
        Assert.True(definitions.Count >= 8, $"only {definitions.Count} templates are registered");
        Assert.Contains(definitions, d => d.Name.StartsWith("identity.", StringComparison.Ordinal));
        Assert.Contains(definitions, d => d.Name.StartsWith("documents.", StringComparison.Ordinal));

        var problems = new List<string>();
        await app.InPracticeAsync(practice, async sp =>
        {
            var composer = sp.GetRequiredService<MailComposer>();
            foreach (var definition in definitions)
            {
                foreach (var (part, problem) in await composer.CheckAsync(definition, definition.Subject, definition.Html, definition.Text))
                {
                    problems.Add($"{definition.Name} {part}: {problem}");
                }

                foreach (var model in new[] { definition.SampleModel, Variant(definition.SampleModel) })
                {
                    var mail = await composer.ComposeAsync(definition.Name, ["someone@clients.example"], model);
                    problems.AddRange(Missing(definition.Name, mail, model));
                }

                // A yes/no value the template never reads would be a model nobody needs; one it reads changes the text.
                foreach (var flag in definition.SampleModel.Where(v => v.Value is bool).Select(v => v.Key))
                {
                    var flipped = new Dictionary<string, object?>(definition.SampleModel) { [flag] = !(bool)definition.SampleModel[flag]! };
                    var one = await composer.ComposeAsync(definition.Name, ["someone@clients.example"], definition.SampleModel);
                    var other = await composer.ComposeAsync(definition.Name, ["someone@clients.example"], flipped);
                    if (one.TextBody == other.TextBody)
                    {
                        problems.Add($"{definition.Name}: '{flag}' changes nothing");
                    }
                }
            }
        });

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Theory, BothDatabases]
    public async Task The_built_in_wording_is_what_handlebars_rendered_before_the_move(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var definitions = app.Get<IEnumerable<MailTemplateDefinition>>().ToDictionary(d => d.Name);
        var renderer = app.Get<MailTemplateRenderer>();
        var recorded = LegacyRendering.All.Where(c => c.Template is not null && !c.Case.StartsWith("edited", StringComparison.Ordinal)).ToList();
        // Every template that existed when the wording moved from Handlebars to Liquid (later ones, such as
        // the payment receipt, were born in Liquid and have no earlier rendering to match).
        var moved = recorded.Select(c => c.Template!).ToHashSet(StringComparer.Ordinal);
        Assert.True(moved.Count >= 8, $"Only {moved.Count} recorded templates: the recording was not read.");
        Assert.Subset(definitions.Keys.ToHashSet(StringComparer.Ordinal), moved);

        foreach (var legacy in recorded)
        {
            var definition = definitions[legacy.Template!];
            Assert.Equal(legacy.Rendered.Subject, await renderer.RenderTextAsync(definition.Subject, legacy.Values));
            Assert.Equal(legacy.Rendered.Text, await renderer.RenderTextAsync(definition.Text, legacy.Values));
            Assert.Equal(HtmlText.Canonical(legacy.Rendered.Html), HtmlText.Canonical(await renderer.RenderHtmlAsync(definition.Html, legacy.Values)));
        }
    }

    private static Dictionary<string, object?> Variant(IReadOnlyDictionary<string, object?> sample)
        => sample.ToDictionary(
            v => v.Key,
            v => v.Value switch
            {
                bool flag => !flag,
                string[] list => new[] { $"Only <{list[0]}> & \"one\"" },
                string text when !text.StartsWith("http", StringComparison.Ordinal) => $"{text} O'Brien <&>",
                _ => v.Value,
            });

    private static IEnumerable<string> Missing(string template, MailDraft mail, IReadOnlyDictionary<string, object?> model)
    {
        foreach (var (part, body) in new[] { ("subject", mail.Subject), ("HTML", mail.HtmlBody), ("text", mail.TextBody) })
        {
            foreach (var leftover in new[] { "{{", "}}", "{%", "%}" })
            {
                if (body.Contains(leftover, StringComparison.Ordinal))
                {
                    yield return $"{template}: the {part} still holds '{leftover}'";
                }
            }
        }

        var values = model.Values.SelectMany(v => v switch { string s => [s], string[] list => list, int n => [n.ToString(System.Globalization.CultureInfo.InvariantCulture)], _ => Array.Empty<string>() });
        foreach (var value in values)
        {
            if (!mail.TextBody.Contains(value, StringComparison.Ordinal))
            {
                yield return $"{template}: the text part lacks '{value}'";
            }

            if (!WebUtility.HtmlDecode(mail.HtmlBody).Contains(value, StringComparison.Ordinal))
            {
                yield return $"{template}: the HTML part lacks '{value}'";
            }

            if (value.Contains('<', StringComparison.Ordinal) && mail.HtmlBody.Contains(value, StringComparison.Ordinal))
            {
                yield return $"{template}: the HTML part holds '{value}' unescaped";
            }
        }
    }
}
