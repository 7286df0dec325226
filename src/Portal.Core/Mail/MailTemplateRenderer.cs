using System.Collections.Concurrent;
using HandlebarsDotNet;

namespace Portal.Core.Mail;

/// <summary>
/// Compiles and caches Handlebars templates. HTML output escapes every {{value}}; text output does
/// not escape (it is never interpreted as markup). Compilation errors surface as
/// <see cref="MailTemplateException"/> with a message an administrator can act on.
/// </summary>
public sealed class MailTemplateRenderer
{
    private readonly IHandlebars _html = Handlebars.Create(new HandlebarsConfiguration { ThrowOnUnresolvedBindingExpression = false });
    private readonly IHandlebars _text = Handlebars.Create(new HandlebarsConfiguration { NoEscape = true, ThrowOnUnresolvedBindingExpression = false });
    private readonly ConcurrentDictionary<(bool Html, string Source), HandlebarsTemplate<object, object>> _cache = new();

    public string RenderHtml(string template, object model) => Render(true, template, model);

    public string RenderText(string template, object model) => Render(false, template, model);

    /// <summary>Returns null when the template compiles, otherwise the reason.</summary>
    public string? Check(string template)
    {
        try
        {
            _ = _html.Compile(template);
            return null;
        }
        catch (HandlebarsException ex)
        {
            return ex.Message;
        }
    }

    private string Render(bool html, string template, object model)
    {
        HandlebarsTemplate<object, object> compiled;
        try
        {
            if (_cache.Count > 2000)
            {
                _cache.Clear(); // edited templates are few; bound the cache anyway
            }

            compiled = _cache.GetOrAdd((html, template), key => (html ? _html : _text).Compile(key.Source));
        }
        catch (HandlebarsException ex)
        {
            throw new MailTemplateException($"The template cannot be read: {ex.Message}", ex);
        }

        try
        {
            return compiled(model);
        }
        catch (HandlebarsException ex)
        {
            throw new MailTemplateException($"The template failed to render: {ex.Message}", ex);
        }
    }
}

public sealed class MailTemplateException(string message, Exception? inner = null) : Exception(message, inner);
