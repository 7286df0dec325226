using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Portal.E2E.Infrastructure;

/// <summary>An e-mail the SMTP server received, decoded.</summary>
public sealed record ReceivedMail(string File, IReadOnlyList<string> To, string Subject, string Text, string Html)
{
    /// <summary>
    /// The one-time set-password link to <paramref name="practiceUrl"/>, found in the text part; the
    /// HTML part must carry the same link. Throws, showing the text, when it is missing.
    /// </summary>
    public string SetPasswordLink(string practiceUrl)
    {
        var link = Regex.Match(Text, $@"{Regex.Escape(practiceUrl)}/account/set-password\?token=[^\s""'<>&]+");
        if (!link.Success)
        {
            throw new InvalidOperationException($"The text part of \"{Subject}\" has no set-password link to {practiceUrl}:\n{Text}");
        }

        if (!System.Net.WebUtility.HtmlDecode(Html).Contains(link.Value, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"The HTML part of \"{Subject}\" does not carry the link {link.Value}.");
        }

        return link.Value;
    }
}

/// <summary>
/// Reads the Maildir the test SMTP server (aiosmtpd's Mailbox handler) writes: one raw RFC 5322
/// message per file in new/. Decodes what MimeKit writes (and System.Net.Mail did before it): RFC 2047
/// encoded-word headers, folded, and (nested) multipart bodies whose parts are quoted-printable, base64,
/// 7bit or 8bit, in any charset.
/// Several test runs share the Maildir, so messages are matched on their recipient and only files
/// written since the test started are considered.
/// </summary>
public static partial class MaildirReader
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30 * TestEnvironment.TimeoutScale);

    /// <summary>Polls until a message to <paramref name="recipient"/> written at or after <paramref name="sinceUtc"/> arrives; returns the newest.</summary>
    public static async Task<ReceivedMail> WaitForMessageAsync(string recipient, DateTime sinceUtc, TimeSpan? timeout = null)
    {
        var limit = timeout ?? DefaultTimeout;
        var folder = Path.Combine(TestEnvironment.Maildir, "new");
        var stopwatch = Stopwatch.StartNew();
        while (true)
        {
            var found = FindNewest(folder, recipient, sinceUtc);
            if (found is not null)
            {
                return found;
            }

            if (stopwatch.Elapsed >= limit)
            {
                throw new TimeoutException(
                    $"No e-mail to {recipient} arrived in {folder} within {limit.TotalSeconds} s "
                    + $"(files written since the test started: {RecentFiles(folder, sinceUtc).Count()}).");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200));
        }
    }

    /// <summary>Parses one raw message (as stored in the Maildir).</summary>
    public static ReceivedMail Parse(string file, byte[] raw)
    {
        // Latin-1 maps every byte to one char, so bodies can be turned back into their exact bytes.
        var message = ParseEntity(Encoding.Latin1.GetString(raw).Replace("\r\n", "\n", StringComparison.Ordinal));
        var to = new List<string>();
        foreach (var header in new[] { "To", "Cc", "X-RcptTo" })
        {
            foreach (var value in message.All(header))
            {
                to.AddRange(AddressPattern().Matches(DecodeHeader(value)).Select(m => m.Value));
            }
        }

        string? text = null;
        string? html = null;
        foreach (var leaf in Leaves(message))
        {
            if (leaf.Header("Content-Disposition") is { } disposition
                && disposition.TrimStart().StartsWith("attachment", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var mediaType = MediaType(leaf);
            if (text is null && mediaType == "text/plain")
            {
                text = DecodeBody(leaf);
            }
            else if (html is null && mediaType == "text/html")
            {
                html = DecodeBody(leaf);
            }
        }

        return new ReceivedMail(
            file,
            to.Distinct(StringComparer.OrdinalIgnoreCase).ToList(),
            DecodeHeader(message.Header("Subject") ?? ""),
            text ?? "",
            html ?? "");
    }

    /// <summary>Decodes RFC 2047 encoded-words (=?charset?B|Q?...?=); whitespace between adjacent words is dropped.</summary>
    public static string DecodeHeader(string value)
    {
        var result = new StringBuilder();
        var pending = new List<byte>();
        Encoding? pendingEncoding = null;
        var position = 0;
        foreach (Match word in EncodedWordPattern().Matches(value))
        {
            var between = value[position..word.Index];
            var adjacent = pendingEncoding is not null && string.IsNullOrWhiteSpace(between);
            if (!adjacent)
            {
                Flush();
                result.Append(between);
            }

            var encoding = CharsetEncoding(word.Groups["charset"].Value);
            if (pendingEncoding is not null && pendingEncoding.WebName != encoding.WebName)
            {
                Flush();
            }

            pendingEncoding = encoding;
            var payload = word.Groups["text"].Value;
            pending.AddRange(word.Groups["encoding"].Value.Equals("B", StringComparison.OrdinalIgnoreCase)
                ? Convert.FromBase64String(payload)
                : DecodeQuotedPrintable(payload.Replace('_', ' ')));
            position = word.Index + word.Length;
        }

        Flush();
        result.Append(value[position..]);
        return result.ToString();

        void Flush()
        {
            if (pendingEncoding is not null)
            {
                result.Append(pendingEncoding.GetString(pending.ToArray()));
            }

            pending.Clear();
            pendingEncoding = null;
        }
    }

    private static ReceivedMail? FindNewest(string folder, string recipient, DateTime sinceUtc)
    {
        foreach (var file in RecentFiles(folder, sinceUtc).OrderByDescending(f => f.LastWriteTimeUtc))
        {
            byte[] raw;
            try
            {
                raw = File.ReadAllBytes(file.FullName);
            }
            catch (IOException)
            {
                continue; // moved or removed meanwhile
            }

            var mail = Parse(file.FullName, raw);
            if (mail.To.Contains(recipient, StringComparer.OrdinalIgnoreCase))
            {
                return mail;
            }
        }

        return null;
    }

    private static IEnumerable<FileInfo> RecentFiles(string folder, DateTime sinceUtc)
    {
        if (!Directory.Exists(folder))
        {
            throw new InvalidOperationException(
                $"The Maildir folder {folder} does not exist. Is the SMTP server running? Run ./test.sh (scripts/test-services.sh start).");
        }

        // One second of slack for file systems with coarse timestamps.
        var threshold = sinceUtc.AddSeconds(-1);
        return new DirectoryInfo(folder).EnumerateFiles().Where(f => f.LastWriteTimeUtc >= threshold);
    }

    private static MimeEntity ParseEntity(string raw)
    {
        var separator = raw.StartsWith('\n') ? 0 : raw.IndexOf("\n\n", StringComparison.Ordinal);
        var headerText = separator < 0 ? raw : raw[..separator];
        var body = separator < 0 ? "" : raw[(separator + (separator == 0 ? 1 : 2))..];
        var headers = new List<KeyValuePair<string, string>>();
        foreach (var line in headerText.Split('\n'))
        {
            if (line.Length > 0 && (line[0] == ' ' || line[0] == '\t') && headers.Count > 0)
            {
                var last = headers[^1];
                headers[^1] = new(last.Key, last.Value + line); // unfold: the line break goes, the whitespace stays
            }
            else if (line.IndexOf(':', StringComparison.Ordinal) is var colon and > 0)
            {
                headers.Add(new(line[..colon].Trim(), line[(colon + 1)..].Trim()));
            }
        }

        return new MimeEntity(headers, body);
    }

    private static IEnumerable<MimeEntity> Leaves(MimeEntity entity)
    {
        if (!MediaType(entity).StartsWith("multipart/", StringComparison.Ordinal))
        {
            yield return entity;
            yield break;
        }

        var boundary = Parameter(entity.Header("Content-Type")!, "boundary")
            ?? throw new InvalidDataException("A multipart entity has no boundary.");
        var delimiter = "--" + boundary;
        List<string>? current = null;
        foreach (var line in entity.Body.Split('\n'))
        {
            var trimmed = line.TrimEnd();
            if (trimmed == delimiter + "--")
            {
                break;
            }

            if (trimmed == delimiter)
            {
                if (current is not null)
                {
                    foreach (var leaf in Leaves(ParseEntity(string.Join('\n', current))))
                    {
                        yield return leaf;
                    }
                }

                current = [];
                continue;
            }

            current?.Add(line);
        }

        if (current is not null)
        {
            foreach (var leaf in Leaves(ParseEntity(string.Join('\n', current))))
            {
                yield return leaf;
            }
        }
    }

    private static string MediaType(MimeEntity entity)
        => (entity.Header("Content-Type") ?? "text/plain").Split(';')[0].Trim().ToLowerInvariant();

    private static string? Parameter(string headerValue, string name)
    {
        foreach (var part in headerValue.Split(';').Skip(1))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0 && part[..equals].Trim().Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return part[(equals + 1)..].Trim().Trim('"');
            }
        }

        return null;
    }

    private static string DecodeBody(MimeEntity entity)
    {
        var transferEncoding = (entity.Header("Content-Transfer-Encoding") ?? "7bit").Trim().ToLowerInvariant();
        var bytes = transferEncoding switch
        {
            "base64" => Convert.FromBase64String(WhitespacePattern().Replace(entity.Body, "")),
            "quoted-printable" => DecodeQuotedPrintable(entity.Body),
            _ => Encoding.Latin1.GetBytes(entity.Body),
        };
        var charset = Parameter(entity.Header("Content-Type") ?? "", "charset") ?? "us-ascii";
        return CharsetEncoding(charset).GetString(bytes);
    }

    private static byte[] DecodeQuotedPrintable(string text)
    {
        var bytes = new List<byte>(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '=' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                i++; // soft line break
            }
            else if (c == '=' && i + 2 < text.Length
                && byte.TryParse(text.AsSpan(i + 1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var value))
            {
                bytes.Add(value);
                i += 2;
            }
            else
            {
                bytes.Add((byte)c);
            }
        }

        return bytes.ToArray();
    }

    private static Encoding CharsetEncoding(string charset)
    {
        try
        {
            return Encoding.GetEncoding(charset.Trim().Trim('"'));
        }
        catch (ArgumentException)
        {
            return Encoding.UTF8;
        }
    }

    [GeneratedRegex(@"=\?(?<charset>[^?]+)\?(?<encoding>[BbQq])\?(?<text>[^?]*)\?=")]
    private static partial Regex EncodedWordPattern();

    [GeneratedRegex(@"[^\s<>,;:""]+@[^\s<>,;:""]+")]
    private static partial Regex AddressPattern();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhitespacePattern();

    private sealed record MimeEntity(List<KeyValuePair<string, string>> Headers, string Body)
    {
        public string? Header(string name) => All(name).FirstOrDefault();

        public IEnumerable<string> All(string name)
            => Headers.Where(h => h.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value);
    }
}
