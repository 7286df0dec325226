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
/// Reads RFC 5322 messages as MimeKit writes them (multipart/alternative; 7-bit, 8-bit, quoted-printable
/// or base64 parts; RFC 2047 encoded subject and names) from the SMTP server's Maildir or the pickup
/// folder. Written without MimeKit on purpose, so it checks what is on the wire rather than trusting
/// the library that wrote it (MimeOutputTests).
/// </summary>
public static partial class MailMessageReader
{
    /// <summary>Waits for a message to <paramref name="recipient"/> in a Maildir (new/) or pickup folder; the newest when there are several.</summary>
    public static Task<ReceivedMail> WaitForAsync(string folder, string recipient, TimeSpan? timeout = null)
        => WaitForAsync(folder, recipient, static _ => true, timeout);

    /// <summary>Waits for the newest message to <paramref name="recipient"/> that <paramref name="matches"/> (e.g. by subject, when the recipient gets several).</summary>
    public static Task<ReceivedMail> WaitForAsync(string folder, string recipient, Func<ReceivedMail, bool> matches, TimeSpan? timeout = null)
        => Eventually.GetAsync(
            () =>
            {
                var directory = Directory.Exists(Path.Combine(folder, "new")) ? Path.Combine(folder, "new") : folder;
                if (!Directory.Exists(directory))
                {
                    return Task.FromResult<ReceivedMail?>(null);
                }

                var match = new DirectoryInfo(directory).EnumerateFiles()
                    .OrderBy(file => file.LastWriteTimeUtc)
                    .Select(file => File.ReadAllText(file.FullName))
                    // A folder shared by the run holds thousands of messages: only those naming the recipient are parsed.
                    .Where(raw => raw.Contains(recipient, StringComparison.OrdinalIgnoreCase))
                    .Select(Parse)
                    .Where(mail => mail.To.Contains(recipient, StringComparison.OrdinalIgnoreCase) && matches(mail))
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

        return new ReceivedMail(Unquote(DecodeWords(headers.GetValueOrDefault("from", ""))), headers.GetValueOrDefault("to", ""), DecodeWords(headers.GetValueOrDefault("subject", "")), text, html, raw);
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

    private static string DecodeQuotedPrintable(string body) => Encoding.UTF8.GetString(QuotedPrintableBytes(body));

    private static byte[] QuotedPrintableBytes(string body)
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

        return bytes.ToArray();
    }

    /// <summary>
    /// RFC 2047 encoded words. Whitespace between two encoded words is dropped (a long header is split
    /// into several), whitespace between an encoded word and plain text is kept; the bytes of adjacent
    /// words are decoded together, since a writer may split a character's bytes between them.
    /// </summary>
    private static string DecodeWords(string value)
    {
        var result = new StringBuilder();
        var pending = new List<byte>();
        var position = 0;
        foreach (Match word in EncodedWord().Matches(value))
        {
            var between = value[position..word.Index];
            if (pending.Count == 0 || !string.IsNullOrWhiteSpace(between))
            {
                result.Append(Encoding.UTF8.GetString(pending.ToArray()));
                pending.Clear();
                result.Append(between);
            }

            var payload = word.Groups[3].Value;
            pending.AddRange(word.Groups[2].Value.Equals("B", StringComparison.OrdinalIgnoreCase)
                ? Convert.FromBase64String(payload)
                : QuotedPrintableBytes(payload.Replace('_', ' ')));
            position = word.Index + word.Length;
        }

        result.Append(Encoding.UTF8.GetString(pending.ToArray()));
        result.Append(value[position..]);
        return result.ToString();
    }

    /// <summary>A display name's quoted strings as the reader sees them: without the quotes and backslashes.</summary>
    private static string Unquote(string value)
        => QuotedString().Replace(value, m => Regex.Replace(m.Groups[1].Value, @"\\(.)", "$1"));

    [GeneratedRegex(@"""((?:[^""\\]|\\.)*)""")]
    private static partial Regex QuotedString();

    [GeneratedRegex("boundary=\"?([^\";]+)\"?", RegexOptions.IgnoreCase)]
    private static partial Regex BoundaryPattern();

    [GeneratedRegex(@"=\?([^?]+)\?([BbQq])\?([^?]*)\?=")]
    private static partial Regex EncodedWord();
}
