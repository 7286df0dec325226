using Markdig;
using Markdig.Renderers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Portal.Tasks.Services;

/// <summary>
/// Renders a task's description. Raw HTML in the Markdown is shown as text (no script, no style, no
/// iframe can get through), images are replaced by their description (a remote image would tell its
/// server who read the task, and when), and a link keeps its address only when it is http, https or
/// mailto (no javascript: or data: address).
/// </summary>
public static class TaskMarkdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UseEmphasisExtras()
        .UseAutoLinks()
        .Build();

    public static string ToHtml(string markdown)
    {
        var document = Markdown.Parse(markdown ?? "", Pipeline);
        foreach (var link in document.Descendants<LinkInline>().ToList())
        {
            if (link.IsImage)
            {
                var text = string.Concat(link.Descendants<LiteralInline>().Select(l => l.Content.ToString()));
                link.ReplaceBy(new LiteralInline(string.IsNullOrWhiteSpace(text) ? "[image]" : $"[image: {text}]"));
            }
            else if (!IsSafe(link.Url))
            {
                link.Url = null;
                link.Title = null;
            }
        }

        foreach (var autolink in document.Descendants<AutolinkInline>().ToList())
        {
            if (!IsSafe(autolink.IsEmail ? "mailto:" + autolink.Url : autolink.Url))
            {
                autolink.ReplaceBy(new LiteralInline(autolink.Url));
            }
        }

        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        renderer.Render(document);
        writer.Flush();
        return writer.ToString();
    }

    private static bool IsSafe(string? url)
        => url is not null
            && Uri.TryCreate(url, UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeMailto);
}
