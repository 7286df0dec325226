using System.IO.Compression;
using System.Text;

namespace Portal.Reports.Journals;

/// <summary>
/// Writes journal entries as one bookkeeping program's import file: a heading, then each entry's lines.
/// Where the program caps a file (Xero's lines, Sage's bytes), the entries are split between files that
/// each stay under the cap, never splitting an entry, and the files go out in one zip
/// ("name-1.csv", "name-2.csv", ...) to import one after the other; under the cap it is a single file.
/// Only the file being filled is held in memory (bounded by the cap), never the whole export.
/// </summary>
public abstract class JournalFileWriter
{
    private const string NewLine = "\r\n";

    /// <summary>Windows-1252, for the desktop programs that read their import files in the Windows code page.</summary>
    protected static readonly Encoding WindowsAnsi = CodePagesEncodingProvider.Instance.GetEncoding(1252)!;

    /// <summary>UTF-8 without a byte order mark: a mark would become part of the first heading.</summary>
    protected static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    public abstract JournalFileFormat Format { get; }

    public abstract string FileExtension { get; }

    public abstract string ContentType { get; }

    protected abstract Encoding Encoding { get; }

    /// <summary>The most lines (heading included) one file may have; null for no cap.</summary>
    protected virtual int? MaxLinesPerFile => null;

    /// <summary>The most bytes one file may have; null for no cap.</summary>
    protected virtual int? MaxBytesPerFile => null;

    protected abstract IReadOnlyList<string> Heading { get; }

    protected abstract IEnumerable<string> Lines(JournalEntry entry, AccountMapping mapping);

    public async Task<JournalFileResult> WriteAsync(IAsyncEnumerable<JournalEntry> entries, AccountMapping mapping, Stream output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        if (AccountMapping.Validate(mapping).FirstOrDefault() is { } problem)
        {
            throw new InvalidOperationException($"The account mapping is incomplete: {problem.Field} {problem.Message}");
        }

        return MaxLinesPerFile is null && MaxBytesPerFile is null
            ? await WriteSingleAsync(entries, mapping, output, cancellationToken)
            : await WriteSplitAsync(entries, mapping, output, cancellationToken);
    }

    private async Task<JournalFileResult> WriteSingleAsync(IAsyncEnumerable<JournalEntry> entries, AccountMapping mapping, Stream output, CancellationToken cancellationToken)
    {
        await using var writer = new StreamWriter(output, Encoding, 16 * 1024, leaveOpen: true) { NewLine = NewLine };
        foreach (var line in Heading)
        {
            await writer.WriteLineAsync(line);
        }

        var count = 0;
        await foreach (var entry in entries.WithCancellation(cancellationToken))
        {
            Ensure(entry);
            foreach (var line in Lines(entry, mapping))
            {
                await writer.WriteLineAsync(line);
            }

            count++;
        }

        await writer.FlushAsync(cancellationToken);
        return new JournalFileResult(count, 1);
    }

    private async Task<JournalFileResult> WriteSplitAsync(IAsyncEnumerable<JournalEntry> entries, AccountMapping mapping, Stream output, CancellationToken cancellationToken)
    {
        var maxLines = MaxLinesPerFile ?? int.MaxValue;
        var maxBytes = MaxBytesPerFile ?? int.MaxValue;
        var heading = Text(Heading);
        var part = new StringBuilder(heading);
        int partLines = Heading.Count, partBytes = Encoding.GetByteCount(heading), partEntries = 0, entryCount = 0, parts = 0;
        ZipArchive? zip = null;
        try
        {
            await foreach (var entry in entries.WithCancellation(cancellationToken))
            {
                Ensure(entry);
                var lines = Lines(entry, mapping).ToList();
                var text = Text(lines);
                var bytes = Encoding.GetByteCount(text);
                if (Heading.Count + lines.Count > maxLines || Encoding.GetByteCount(heading) + bytes > maxBytes)
                {
                    throw new InvalidOperationException($"Entry {entry.Number} alone is over the {Format} file limit.");
                }

                if (partEntries > 0 && (partLines + lines.Count > maxLines || partBytes + bytes > maxBytes))
                {
                    zip ??= new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
                    await AddPartAsync(zip, ++parts, part, cancellationToken);
                    part.Clear().Append(heading);
                    partLines = Heading.Count;
                    partBytes = Encoding.GetByteCount(heading);
                    partEntries = 0;
                }

                part.Append(text);
                partLines += lines.Count;
                partBytes += bytes;
                partEntries++;
                entryCount++;
            }

            if (zip is null)
            {
                var single = Encoding.GetBytes(part.ToString());
                await output.WriteAsync(single, cancellationToken);
                return new JournalFileResult(entryCount, 1);
            }

            await AddPartAsync(zip, ++parts, part, cancellationToken);
            return new JournalFileResult(entryCount, parts);
        }
        finally
        {
            if (zip is not null)
            {
                await zip.DisposeAsync();
            }
        }
    }

    /// <summary>The name of a file inside the zip: "journal-2.csv".</summary>
    public string PartName(int part) => $"journal-{part}{FileExtension}";

    private async Task AddPartAsync(ZipArchive zip, int number, StringBuilder text, CancellationToken cancellationToken)
    {
        var entry = zip.CreateEntry(PartName(number), CompressionLevel.Optimal);
        await using var stream = await entry.OpenAsync(cancellationToken);
        await stream.WriteAsync(Encoding.GetBytes(text.ToString()), cancellationToken);
    }

    private static string Text(IEnumerable<string> lines)
    {
        var text = new StringBuilder();
        foreach (var line in lines)
        {
            text.Append(line).Append(NewLine);
        }

        return text.ToString();
    }

    private void Ensure(JournalEntry entry)
    {
        if (!entry.IsBalanced)
        {
            throw new InvalidOperationException($"Entry {entry.Number} does not balance; it is not written to the {Format} file.");
        }
    }

    /// <summary>Text on one line: tabs and line breaks (which would split a field or a line) become spaces.</summary>
    protected static string OneLine(string? value)
        => string.IsNullOrEmpty(value) ? "" : string.Create(value.Length, value, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = char.IsControl(source[i]) ? ' ' : source[i];
            }
        });

    /// <summary>At most <paramref name="length"/> characters, the program's limit for the field.</summary>
    protected static string Cut(string value, int length) => value.Length <= length ? value : value[..length];
}
