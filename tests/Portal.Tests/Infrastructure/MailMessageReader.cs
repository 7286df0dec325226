using System.Text;
using System.Text.RegularExpressions;

namespace Portal.Tests.Infrastructure;

/// <summary>A received e-mail, decoded enough for tests: headers, subject, text and HTML parts.</summary>
public sealed record ReceivedMail(string From, string To, string Subject, string Text, string Html, string Raw)
{
    public string? FindLink(string pathFragment)
        => Regex.Matches(Text + "\n" + Html, "https?://[^\\s\"<>]+").Select(m => System.Net.WebUtility.HtmlDecode(m.Value))
            .FirstOrDefault(link => link.Contains(pathFragment, StringComparison.Ordinal));
}

/// <summary>
/// Reads RFC 5322 messages as System.Net.Mail writes them (multipart/alternative, quoted-printable or
/// base64 parts, RFC 2047 encoded subject) from the SMTP server's Maildir or the pickup folder.
/// </summary>
public static partial class MailMessageReader
{
    /// <summary>Waits for a message to <paramref name="recipient"/> in a Maildir (new/) or pickup folder.</summary>
    public static Task<ReceivedMail> WaitForAsync(string folder, string recipient, TimeSpan? timeout = null)
        => Eventually.GetAsync(
            () =>
            {
                var directory = Directory.Exists(Path.Combine(folder, "new")) ? Path.Combine(folder, "new") : folder;
                if (!Directory.Exists(directory))
                {
                    return Task.FromResult<ReceivedMail?>(null);
                }

                var match = Directory.EnumerateFiles(directory)
                    .Select(file => Parse(File.ReadAllText(file)))
                    .Where(mail => mail.To.Contains(recipient, StringComparison.OrdinalIgnoreCase))
                    .LastOrDefault();
                return Task.FromResult(match);
            },
            timeout ?? TimeSpan.FromSeconds(30),
            $"an e-mail to {recipient}");

    public static ReceivedMail Parse(string raw)
    {
        var (headers, body) = SplitHeaders(raw);
        var text = "";
        var html = "";
        var contentType = headers.GetValueOrDefault("content-type", "text/plain");
        if (Boundary(contentType) is { } boundary)
        {
            foreach (var part in body.Split("--" + boundary).Skip(1))
            {
                if (part.StartsWith("--", StringComparison.Ordinal))
                {
                    break;
                }

                var (partHeaders, partBody) = SplitHeaders(part.TrimStart('\r', '\n'));
                var decoded = Decode(partBody, partHeaders.GetValueOrDefault("content-transfer-encoding", "7bit"));
                var type = partHeaders.GetValueOrDefault("content-type", "text/plain");
                if (type.StartsWith("text/html", StringComparison.OrdinalIgnoreCase))
                {
                    html = decoded;
                }
                else if (type.StartsWith("text/plain", StringComparison.OrdinalIgnoreCase))
                {
                    text = decoded;
                }
            }
        }
        else
        {
            text = Decode(body, headers.GetValueOrDefault("content-transfer-encoding", "7bit"));
        }

        return new ReceivedMail(DecodeWords(headers.GetValueOrDefault("from", "")), headers.GetValueOrDefault("to", ""), DecodeWords(headers.GetValueOrDefault("subject", "")), text, html, raw);
    }

    private static (Dictionary<string, string> Headers, string Body) SplitHeaders(string raw)
    {
        var normalized = raw.Replace("\r\n", "\n", StringComparison.Ordinal);
        var split = normalized.IndexOf("\n\n", StringComparison.Ordinal);
        var head = split < 0 ? normalized : normalized[..split];
        var body = split < 0 ? "" : normalized[(split + 2)..];
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        string? last = null;
        foreach (var line in head.Split('\n'))
        {
            if (line.Length > 0 && (line[0] == ' ' || line[0] == '\t') && last is not null)
            {
                headers[last] += " " + line.Trim();
                continue;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                last = line[..colon].Trim();
                headers[last] = line[(colon + 1)..].Trim();
            }
        }

        return (headers, body);
    }

    private static string? Boundary(string contentType)
        => BoundaryPattern().Match(contentType) is { Success: true } m ? m.Groups[1].Value : null;

    private static string Decode(string body, string encoding) => encoding.Trim().ToLowerInvariant() switch
    {
        "base64" => Encoding.UTF8.GetString(Convert.FromBase64String(string.Concat(body.Where(c => !char.IsWhiteSpace(c))))),
        "quoted-printable" => DecodeQuotedPrintable(body),
        _ => body,
    };

    private static string DecodeQuotedPrintable(string body)
    {
        var bytes = new List<byte>();
        var text = body.Replace("=\n", "", StringComparison.Ordinal);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '=' && i + 2 < text.Length && Uri.IsHexDigit(text[i + 1]) && Uri.IsHexDigit(text[i + 2]))
            {
                bytes.Add(Convert.ToByte(text.Substring(i + 1, 2), 16));
                i += 2;
            }
            else
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(text[i].ToString()));
            }
        }

        return Encoding.UTF8.GetString(bytes.ToArray());
    }

    private static string DecodeWords(string value)
        => EncodedWord().Replace(value, m => m.Groups[2].Value.Equals("B", StringComparison.OrdinalIgnoreCase)
            ? Encoding.UTF8.GetString(Convert.FromBase64String(m.Groups[3].Value))
            : DecodeQuotedPrintable(m.Groups[3].Value.Replace('_', ' '))).Replace("?= =?", "", StringComparison.Ordinal);

    [GeneratedRegex("boundary=\"?([^\";]+)\"?", RegexOptions.IgnoreCase)]
    private static partial Regex BoundaryPattern();

    [GeneratedRegex(@"=\?([^?]+)\?([BbQq])\?([^?]*)\?=\s*")]
    private static partial Regex EncodedWord();
}
