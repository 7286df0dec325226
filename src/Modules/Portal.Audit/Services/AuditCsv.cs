using System.Globalization;
using System.Text;
using Portal.Audit.Models;

namespace Portal.Audit.Services;

/// <summary>Audit events as CSV (RFC 4180), safe to open in a spreadsheet.</summary>
public static class AuditCsv
{
    public static readonly IReadOnlyList<string> Columns =
        ["Sequence", "When (UTC)", "Actor", "Actor ID", "Action", "Target type", "Target ID", "Details", "IP address", "Hash"];

    /// <summary>Rows between flushes: the download starts at once and the server never holds the whole file.</summary>
    private const int FlushEvery = 500;

    public static async Task WriteAsync(Stream output, IAsyncEnumerable<AuditEvent> events, CancellationToken cancellationToken)
    {
        // The byte order mark is what makes Excel read the file as UTF-8 rather than the local code page.
        await using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), bufferSize: 16 * 1024, leaveOpen: true)
        {
            NewLine = "\r\n",
        };
        await writer.WriteLineAsync(Line(Columns));
        var pending = 0;
        await foreach (var audit in events.WithCancellation(cancellationToken))
        {
            await writer.WriteLineAsync(Line(Row(audit)));
            if (++pending == FlushEvery)
            {
                await writer.FlushAsync(cancellationToken);
                pending = 0;
            }
        }

        await writer.FlushAsync(cancellationToken);
    }

    public static IReadOnlyList<string?> Row(AuditEvent audit) =>
    [
        audit.Sequence.ToString(CultureInfo.InvariantCulture),
        audit.OccurredAt.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
        audit.ActorName,
        audit.ActorId?.ToString(),
        audit.Action,
        audit.TargetType,
        audit.TargetId,
        audit.Details,
        audit.IpAddress,
        audit.Hash,
    ];

    public static string Line(IEnumerable<string?> fields) => string.Join(',', fields.Select(Field));

    /// <summary>
    /// One field. A value a spreadsheet would run as a formula (leading = + - @, or a tab or carriage
    /// return that hides one) gets a leading apostrophe, so it is shown as text: the trail holds
    /// what users typed, such as e-mail addresses tried at sign-in.
    /// </summary>
    public static string Field(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        var neutralized = value[0] is '=' or '+' or '-' or '@' or '\t' or '\r';
        if (neutralized)
        {
            value = "'" + value;
        }

        return neutralized || value.AsSpan().IndexOfAny(",\"\r\n") >= 0
            ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : value;
    }
}
