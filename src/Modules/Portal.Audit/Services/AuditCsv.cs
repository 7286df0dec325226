using System.Globalization;
using System.Text;
using Portal.Audit.Models;

namespace Portal.Audit.Services;

/// <summary>Audit events as CSV (RFC 4180), safe to open in a spreadsheet.</summary>
public static class AuditCsv
{
    /// <summary>The recorded fields, exactly as chained, then the event as the page words it (names as they are now).</summary>
    public static readonly IReadOnlyList<string> Columns =
        ["Sequence", "When (UTC)", "Actor", "Actor ID", "Action", "Target type", "Target ID", "Details", "IP address", "Hash", "Description"];

    /// <summary>Rows between flushes, described together: the download starts at once, the server never holds the whole file, and names cost a few queries per batch.</summary>
    private const int FlushEvery = 500;

    /// <param name="describe">The sentence of each event of a batch, in order.</param>
    public static async Task WriteAsync(
        Stream output,
        IAsyncEnumerable<AuditEvent> events,
        Func<IReadOnlyList<AuditEvent>, CancellationToken, Task<IReadOnlyList<string>>> describe,
        CancellationToken cancellationToken)
    {
        // The byte order mark is what makes Excel read the file as UTF-8 rather than the local code page.
        await using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), bufferSize: 16 * 1024, leaveOpen: true)
        {
            NewLine = "\r\n",
        };
        await writer.WriteLineAsync(Line(Columns));
        var pending = new List<AuditEvent>(FlushEvery);
        await foreach (var audit in events.WithCancellation(cancellationToken))
        {
            pending.Add(audit);
            if (pending.Count == FlushEvery)
            {
                await WriteBatchAsync(writer, pending, describe, cancellationToken);
                pending.Clear();
            }
        }

        await WriteBatchAsync(writer, pending, describe, cancellationToken);
    }

    public static IReadOnlyList<string?> Row(AuditEvent audit, string description) =>
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
        description,
    ];

    private static async Task WriteBatchAsync(
        StreamWriter writer,
        List<AuditEvent> batch,
        Func<IReadOnlyList<AuditEvent>, CancellationToken, Task<IReadOnlyList<string>>> describe,
        CancellationToken cancellationToken)
    {
        var descriptions = batch.Count == 0 ? [] : await describe(batch, cancellationToken);
        for (var i = 0; i < batch.Count; i++)
        {
            await writer.WriteLineAsync(Line(Row(batch[i], descriptions[i])));
        }

        await writer.FlushAsync(cancellationToken);
    }

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
