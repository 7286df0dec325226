using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Html;

namespace Portal.Messages.Services;

/// <summary>
/// Shows a message as plain text, safely: every character is HTML-encoded, blank lines make paragraphs,
/// line breaks stay, and only http(s) addresses become links (without referrer). No markup, script or
/// image the writer typed can reach the page, so nothing loads from elsewhere to track the reader.
/// </summary>
public static partial class MessageBody
{
    public static IHtmlContent ToHtml(string text)
    {
        var html = new StringBuilder();
        foreach (var paragraph in Paragraphs().Split(text.Replace("\r\n", "\n", StringComparison.Ordinal).Trim()))
        {
            if (paragraph.Length == 0)
            {
                continue;
            }

            html.Append("<p>");
            var first = true;
            foreach (var line in paragraph.Split('\n'))
            {
                html.Append(first ? "" : "<br>");
                first = false;
                var at = 0;
                foreach (Match address in WebAddress().Matches(line))
                {
                    html.Append(WebUtility.HtmlEncode(line[at..address.Index]));
                    var encoded = WebUtility.HtmlEncode(address.Value);
                    html.Append("<a href=\"").Append(encoded).Append("\" rel=\"noopener noreferrer nofollow\" target=\"_blank\">").Append(encoded).Append("</a>");
                    at = address.Index + address.Length;
                }

                html.Append(WebUtility.HtmlEncode(line[at..]));
            }

            html.Append("</p>");
        }

        return new HtmlString(html.ToString());
    }

    [GeneratedRegex(@"\n\s*\n")]
    private static partial Regex Paragraphs();

    [GeneratedRegex(@"https?://[^\s<>""']+[^\s<>""'.,;:!?)\]]")]
    private static partial Regex WebAddress();
}
