using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using Portal.Clients.Models;

namespace Portal.Clients.Services;

/// <summary>
/// Reads a client list exported from a spreadsheet or desktop system: a header row, then one client per
/// row. Columns are matched by heading (any order, any case); a problem with the file as a whole is
/// reported before any row is looked at.
/// </summary>
public static class ClientCsv
{
    public const int MaxRows = 5000;

    public static readonly IReadOnlyList<string> Columns = ["Name", "Kind", "Email", "Phone", "Address", "ExternalId", "Notes"];

    // Headings people actually use for the same columns, compared without case, spaces, '-' or '_'.
    private static readonly Dictionary<string, string> Aliases = new(StringComparer.Ordinal)
    {
        ["name"] = "Name",
        ["clientname"] = "Name",
        ["kind"] = "Kind",
        ["type"] = "Kind",
        ["email"] = "Email",
        ["emails"] = "Email",
        ["emailaddress"] = "Email",
        ["emailaddresses"] = "Email",
        ["phone"] = "Phone",
        ["telephone"] = "Phone",
        ["address"] = "Address",
        ["postaladdress"] = "Address",
        ["externalid"] = "ExternalId",
        ["notes"] = "Notes",
        ["note"] = "Notes",
    };

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>A file to fill in: the headings and two example rows.</summary>
    public static byte[] Template()
    {
        const string text = "Name,Kind,Email,Phone,Address,ExternalId,Notes\r\n"
            + "Jordan Lee,Individual,jordan@example.com;jordan.lee@work.example,+1 555 0101,\"12 Harbour Street, Springfield\",C-1001,Prefers phone calls\r\n"
            + "Harbour Bakery Ltd,Business,accounts@harbourbakery.example,+1 555 0102,\"3 Quay Road, Springfield\",C-1002,\r\n";

        // The byte order mark makes Excel open the file as UTF-8 (names with accents stay intact).
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)];
    }

    public static async Task<(IReadOnlyList<ImportRow> Rows, IReadOnlyList<string> FileErrors)> ReadAsync(byte[] content, CancellationToken cancellationToken = default)
    {
        string text;
        try
        {
            var preamble = Encoding.UTF8.GetPreamble();
            var offset = content.AsSpan().StartsWith(preamble) ? preamble.Length : 0;
            text = StrictUtf8.GetString(content, offset, content.Length - offset);
        }
        catch (DecoderFallbackException)
        {
            return ([], ["The file is not UTF-8 text. In Excel, save it with File › Save As › \"CSV UTF-8 (Comma delimited)\"."]);
        }

        var badLines = new HashSet<int>();
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            HasHeaderRecord = false,
            TrimOptions = TrimOptions.Trim,
            IgnoreBlankLines = true,
            BadDataFound = args => badLines.Add(args.Context.Parser?.RawRow ?? 0),
        };

        using var reader = new StringReader(text);
        using var parser = new CsvParser(reader, config);
        try
        {
            if (!await parser.ReadAsync())
            {
                return ([], ["The file is empty. Start with a header row: " + string.Join(",", Columns) + "."]);
            }

            var (columns, headerErrors) = ReadHeader(parser.Record ?? []);
            if (headerErrors.Count > 0)
            {
                return ([], headerErrors);
            }

            var rows = new List<ImportRow>();
            var rowErrors = new Dictionary<int, string>();
            while (await parser.ReadAsync())
            {
                cancellationToken.ThrowIfCancellationRequested();
                var record = parser.Record ?? [];
                var line = StartLine(parser);
                if (record.All(string.IsNullOrWhiteSpace))
                {
                    continue;
                }

                if (rows.Count == MaxRows)
                {
                    return ([], [$"The file has more than {MaxRows:N0} clients. Split it into smaller files."]);
                }

                string? Field(string column)
                    => columns.TryGetValue(column, out var index) && index < record.Length && record[index].Trim() is { Length: > 0 } value ? value : null;

                rows.Add(new ImportRow(
                    line,
                    Field("Name") ?? "",
                    Field("Kind") ?? "",
                    ClientRules.SplitEmails(Field("Email")),
                    Field("Phone"),
                    Field("Address"),
                    Field("ExternalId"),
                    Field("Notes")));
                if (record.Length > columns.Count)
                {
                    rowErrors[line] = $"it has {record.Length} values but the header has {columns.Count} columns. Put values that contain commas in double quotes.";
                }
                else if (badLines.Contains(parser.RawRow))
                {
                    rowErrors[line] = "it has a stray double quote. Put values that contain quotes in double quotes and double the quotes inside (\"\").";
                }
            }

            if (rows.Count == 0)
            {
                return ([], ["The file has a header row but no clients."]);
            }

            // Layout problems are kept with the row so the preview can show them in place.
            return (rows.Select(r => rowErrors.TryGetValue(r.Line, out var problem) ? r with { Layout = problem } : r).ToList(), []);
        }
        catch (CsvHelperException ex)
        {
            return ([], [$"The file could not be read as CSV near line {ex.Context?.Parser?.RawRow ?? 0}. Check for a missing closing double quote."]);
        }
    }

    /// <summary>The line a record starts on (a quoted value may span several lines).</summary>
    private static int StartLine(CsvParser parser)
    {
        var raw = parser.RawRecord.TrimEnd('\r', '\n');
        return parser.RawRow - raw.Count(c => c == '\n');
    }

    private static (Dictionary<string, int> Columns, List<string> Errors) ReadHeader(string[] header)
    {
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        var errors = new List<string>();
        for (var i = 0; i < header.Length; i++)
        {
            var heading = header[i].Trim();
            var key = new string(heading.Where(c => c is not (' ' or '-' or '_')).ToArray()).ToLowerInvariant();
            if (key.Length == 0)
            {
                errors.Add($"Line 1, column {i + 1} has no heading. Every column needs one of: {string.Join(", ", Columns)}.");
            }
            else if (!Aliases.TryGetValue(key, out var column))
            {
                errors.Add($"Line 1, column {i + 1}: '{heading}' is not a column this import knows. Use: {string.Join(", ", Columns)}.");
            }
            else if (!columns.TryAdd(column, i))
            {
                errors.Add($"Line 1: the column {column} appears twice.");
            }
        }

        if (errors.Count == 0 && !columns.ContainsKey("Name"))
        {
            errors.Add($"Line 1: the file has no Name column. The header row must name the columns: {string.Join(",", Columns)}.");
        }

        return (columns, errors);
    }
}
