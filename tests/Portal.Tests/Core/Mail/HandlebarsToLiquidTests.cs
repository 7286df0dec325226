using Portal.Core.Mail;

namespace Portal.Tests.Core.Mail;

/// <summary>
/// Templates practices saved in Handlebars are converted to Liquid; converted, they must render what
/// Handlebars rendered (LegacyHandlebarsRenderings.json), and what cannot be converted is said with
/// its line and column instead of being stored broken.
/// </summary>
public sealed class HandlebarsToLiquidTests
{
    public static TheoryData<string> Cases => new(LegacyRendering.All.Select(c => c.Case));

    [Fact]
    public void The_recorded_renderings_cover_every_construct_the_converter_supports()
    {
        var sources = string.Concat(LegacyRendering.All.Select(c => c.Source.Subject + c.Source.Html + c.Source.Text));
        foreach (var construct in new[] { "{{#if", "{{else}}", "{{#unless", "{{#each", "{{this}}", "{{@index}}", "{{#if @first}}", "{{#if @last}}", "{{../", "{{{", "{{!--", "{{!", "{{~", "~}}", "\\{{", "{%" })
        {
            Assert.Contains(construct, sources, StringComparison.Ordinal);
        }

        Assert.True(LegacyRendering.All.Count(c => c.Case.EndsWith("(sample)", StringComparison.Ordinal)) >= 8);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_converted_template_renders_the_same_text_as_handlebars_did(string name)
    {
        var legacy = LegacyRendering.All.Single(c => c.Case == name);
        var renderer = new MailTemplateRenderer();

        var subject = Converted(legacy.Source.Subject, legacy.Model);
        var html = Converted(legacy.Source.Html, legacy.Model);
        var text = Converted(legacy.Source.Text, legacy.Model);

        Assert.Equal(legacy.Rendered.Subject, await renderer.RenderTextAsync(subject, legacy.Values));
        Assert.Equal(legacy.Rendered.Text, await renderer.RenderTextAsync(text, legacy.Values));
        Assert.Equal(HtmlText.Canonical(legacy.Rendered.Html), HtmlText.Canonical(await renderer.RenderHtmlAsync(html, legacy.Values)));
    }

    [Fact]
    public void Conditions_on_yes_no_values_stay_plain_and_others_keep_handlebars_truthiness()
    {
        var model = new Dictionary<string, object?> { ["plural"] = true, ["note"] = "" };

        Assert.Equal("file{% if plural %}s{% endif %}", Converted("file{{#if plural}}s{{/if}}", model));
        Assert.Equal("{% unless note and note != empty and note != 0 %}none{% endunless %}", Converted("{{#unless note}}none{{/unless}}", model));
    }

    [Theory]
    [InlineData("Hello {{> signature}}", 1, 7, "partial")]
    [InlineData("Hello\n  {{#with client}}{{name}}{{/with}}", 2, 3, "#with")]
    [InlineData("{{formatDate expires \"d MMM\"}}", 1, 1, "helper")]
    [InlineData("<p>\n{{#if plural}}s", 2, 1, "never closed")]
    [InlineData("{{#each files}}{{name}}{{/if}}", 1, 24, "closes")]
    [InlineData("Dear {{name", 1, 6, "never closed")]
    [InlineData("{{this}}", 1, 1, "inside '{{#each}}'")]
    [InlineData("{{#each files}}{{@key}}{{/each}}", 1, 16, "@key")]
    [InlineData("{{empty}}", 1, 1, "something else in Liquid")]
    public void What_cannot_be_converted_is_reported_with_its_line_and_column(string source, int line, int column, string reason)
    {
        var conversion = HandlebarsToLiquid.Convert(source, new Dictionary<string, object?>());

        Assert.Null(conversion.Liquid);
        Assert.NotNull(conversion.Problem);
        Assert.Equal((line, column), (conversion.Problem.Line, conversion.Problem.Column));
        Assert.Contains(reason, conversion.Problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_override_with_one_unconvertible_part_is_kept_whole_and_marked()
    {
        var legacy = new MailTemplateOverride { Subject = "Hi {{name}}", Html = "<p>{{> footer}}</p>", Text = "Hi {{name}}" };

        var converted = MailTemplatesToLiquid.Convert(legacy, new Dictionary<string, object?> { ["name"] = "Alex" });

        Assert.Equal((legacy.Subject, legacy.Html, legacy.Text), (converted.Subject, converted.Html, converted.Text));
        Assert.Contains("The HTML body could not be converted", converted.ConversionProblem, StringComparison.Ordinal);
        Assert.Contains("Line 1, column 4", converted.ConversionProblem, StringComparison.Ordinal);
    }

    private static string Converted(string handlebars, IReadOnlyDictionary<string, object?> sample)
    {
        var conversion = HandlebarsToLiquid.Convert(handlebars, sample);
        Assert.True(conversion.Problem is null, $"{handlebars}: {conversion.Problem}");
        return conversion.Liquid!;
    }
}
