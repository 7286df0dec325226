using System.Collections.Concurrent;
using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using System.Text.Unicode;
using Fluid;
using Fluid.Values;

namespace Portal.Core.Mail;

/// <summary>
/// Parses and renders Liquid e-mail templates with Fluid. The HTML part is rendered through an HTML
/// encoder, so every <c>{{ value }}</c> is escaped (<c>| raw</c> opts out); the subject and the plain-text
/// part are not encoded, since they are never read as markup. Templates are edited by practice staff,
/// so rendering is bounded (steps, output size, loop length) and include/render have no file provider.
/// Parsed templates are cached by their source.
/// </summary>
public sealed partial class MailTemplateRenderer
{
    /// <summary>Longer sources are refused before parsing; the built-in templates are a few hundred characters.</summary>
    public const int MaxSourceLength = 50_000;

    private static readonly FluidParser Parser = new();

    // Every HTML-significant character is escaped; letters of any script stay readable in the source of the e-mail.
    private static readonly HtmlEncoder HtmlOutput = HtmlEncoder.Create(UnicodeRanges.All);

    private static readonly TemplateOptions Options = new TemplateOptionsBuilder()
        .WithStrictFilters()
        .WithMaxSteps(100_000)
        .WithMaxRecursion(20)
        .WithMaxOutputSize(1_000_000)
        .WithMaxCollectionSize(10_000)
        .Build();

    // A check at save time also refuses placeholders the template's model does not have (a typo would
    // otherwise render as nothing in every e-mail). Sending is lenient: a real model may hold a null.
    private static readonly TemplateOptions CheckOptions = Options.ToBuilder().WithStrictVariables().Build();

    private readonly ConcurrentDictionary<string, IFluidTemplate> _cache = new(StringComparer.Ordinal);

    /// <summary>A value as the HTML part shows it.</summary>
    public static string EncodeHtml(string value) => HtmlOutput.Encode(value);

    public Task<string> RenderHtmlAsync(string source, IReadOnlyDictionary<string, object?> model, CancellationToken cancellationToken = default)
        => RenderAsync(Parse(source), model, HtmlOutput, Options, cancellationToken);

    public Task<string> RenderTextAsync(string source, IReadOnlyDictionary<string, object?> model, CancellationToken cancellationToken = default)
        => RenderAsync(Parse(source), model, NullEncoder.Default, Options, cancellationToken);

    /// <summary>
    /// Null when <paramref name="source"/> parses and renders with <paramref name="sampleModel"/> using only
    /// its placeholders; otherwise the first problem, with line and column for a syntax error.
    /// </summary>
    public async Task<MailTemplateProblem?> CheckAsync(string source, IReadOnlyDictionary<string, object?> sampleModel, bool html, CancellationToken cancellationToken = default)
    {
        if (!TryParse(source, out var template, out var problem))
        {
            return problem;
        }

        try
        {
            await RenderAsync(template, sampleModel, html ? HtmlOutput : NullEncoder.Default, CheckOptions, cancellationToken);
            return null;
        }
        catch (MailTemplateException ex)
        {
            return ex.Problem;
        }
    }

    /// <summary>Parses without caching; the problem carries Fluid's line and column.</summary>
    public static bool TryParse(string source, out IFluidTemplate template, out MailTemplateProblem? problem)
    {
        template = null!;
        if (source.Length > MaxSourceLength)
        {
            problem = new MailTemplateProblem($"The template is longer than {MaxSourceLength:N0} characters.");
            return false;
        }

        if (Parser.TryParse(source, out var parsed, out var error))
        {
            template = parsed;
            problem = null;
            return true;
        }

        problem = Describe(error);
        return false;
    }

    private IFluidTemplate Parse(string source)
    {
        if (_cache.TryGetValue(source, out var cached))
        {
            return cached;
        }

        if (!TryParse(source, out var template, out var problem))
        {
            throw new MailTemplateException(problem!);
        }

        if (_cache.Count > 2000)
        {
            _cache.Clear(); // edited templates are few; bound the cache anyway
        }

        _cache[source] = template;
        return template;
    }

    private static async Task<string> RenderAsync(IFluidTemplate template, IReadOnlyDictionary<string, object?> model, TextEncoder encoder, TemplateOptions options, CancellationToken cancellationToken)
    {
        var context = new TemplateContext(options) { CancellationToken = cancellationToken };
        foreach (var (name, value) in model)
        {
            context.SetValue(name, value is null ? NilValue.Instance : FluidValue.Create(value, options));
        }

        try
        {
            return await template.RenderAsync(context, encoder);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Fluid reports a missing variable, an unknown filter or a limit reached with plain
            // exceptions; a filter given nonsense may throw anything. None of it is the sender's fault.
            throw new MailTemplateException(new MailTemplateProblem(Reword(ex.Message)), ex);
        }
    }

    /// <summary>Fluid's words for what the strict check finds, in the editor's words.</summary>
    private static string Reword(string message)
        => UndefinedPattern().Match(message) is { Success: true } match
            ? match.Groups["kind"].Value == "variable"
                ? $"There is no placeholder '{match.Groups["name"].Value}' in this template."
                : $"There is no filter '{match.Groups["name"].Value}'."
            : message;

    /// <summary>Fluid's TryParse error reads "'{% endif %}' was expected at (3:2)" followed by the source line.</summary>
    private static MailTemplateProblem Describe(string? error)
    {
        var text = (error ?? "The template cannot be read.").ReplaceLineEndings("\n");
        var match = PositionPattern().Match(text);
        if (!match.Success)
        {
            return new MailTemplateProblem(text.Split('\n')[0].Trim());
        }

        return new MailTemplateProblem(
            match.Groups["message"].Value.Trim(),
            int.Parse(match.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture),
            int.Parse(match.Groups["column"].Value, System.Globalization.CultureInfo.InvariantCulture));
    }

    [GeneratedRegex(@"^Undefined (?<kind>variable|filter) '(?<name>[^']*)'")]
    private static partial Regex UndefinedPattern();

    [GeneratedRegex(@"^(?<message>.*?)\s+at\s+\((?<line>\d+):(?<column>\d+)\)", RegexOptions.Singleline)]
    private static partial Regex PositionPattern();
}
