using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Html;

namespace Portal.SecureMail.Services;

/// <summary>
/// Shows message and reply text as plain text, safely: every character is HTML-encoded, blank lines make
/// paragraphs, line breaks are kept, and http(s) addresses become links that open without a referrer.
/// Nothing the sender typed can become markup or script.
/// </summary>
public static partial class MessageText
{
    public static IHtmlContent ToHtml(string text)
    {
        var html = new StringBuilder();
        foreach (var paragraph in ParagraphBreak().Split(text.Replace("\r\n", "\n", StringComparison.Ordinal).Trim()))
        {
            if (paragraph.Length == 0)
            {
                continue;
            }

            html.Append("<p>");
            var lines = paragraph.Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                if (i > 0)
                {
                    html.Append("<br>");
                }

                AppendLine(html, lines[i]);
            }

            html.Append("</p>");
        }

        return new HtmlString(html.ToString());
    }

    private static void AppendLine(StringBuilder html, string line)
    {
        var at = 0;
        foreach (Match link in WebAddress().Matches(line))
        {
            html.Append(WebUtility.HtmlEncode(line[at..link.Index]));
            var address = WebUtility.HtmlEncode(link.Value);
            html.Append("<a href=\"").Append(address).Append("\" rel=\"noopener noreferrer nofollow\" target=\"_blank\">").Append(address).Append("</a>");
            at = link.Index + link.Length;
        }

        html.Append(WebUtility.HtmlEncode(line[at..]));
    }

    [GeneratedRegex(@"\n\s*\n")]
    private static partial Regex ParagraphBreak();

    [GeneratedRegex(@"https?://[^\s<>""']+[^\s<>""'.,;:!?)\]]")]
    private static partial Regex WebAddress();
}
