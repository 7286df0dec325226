using System.Text;
using Microsoft.Extensions.Options;

namespace Portal.Documents.Services;

/// <summary>
/// Accepts a file only when its extension is allowed AND its first bytes are what that extension
/// claims (a renamed executable is refused). The content type recorded is the recognised one,
/// never the browser's.
/// </summary>
public sealed class FileTypes(IOptions<DocumentOptions> options)
{
    /// <summary>How many leading bytes the check needs.</summary>
    public const int HeadLength = 8192;

    private static readonly byte[] Pdf = "%PDF-"u8.ToArray();
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF];
    private static readonly byte[] Gif = "GIF8"u8.ToArray();
    private static readonly byte[] TiffLittle = [0x49, 0x49, 0x2A, 0x00];
    private static readonly byte[] TiffBig = [0x4D, 0x4D, 0x00, 0x2A];
    private static readonly byte[] Zip = [0x50, 0x4B, 0x03, 0x04];
    private static readonly byte[] Ole = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    private static readonly byte[] Rtf = "{\\rtf"u8.ToArray();
    private static readonly byte[] Elf = [0x7F, 0x45, 0x4C, 0x46];

    /// <summary>Checks the name alone (before any byte arrives); null when acceptable.</summary>
    public string? CheckName(string fileName)
    {
        var extension = FileNames.Extension(fileName);
        if (extension.Length == 0)
        {
            return $"\"{fileName}\" has no file type (such as .pdf). Files of these types can be sent: {Allowed}.";
        }

        return options.Value.AllowedExtensions.Contains(extension, StringComparer.OrdinalIgnoreCase)
            ? null
            : $"\"{fileName}\" is a .{extension} file, which cannot be sent through the portal. Files of these types can be sent: {Allowed}.";
    }

    /// <summary>Checks the first bytes against the extension; returns the content type, or the problem.</summary>
    public (string? ContentType, string? Error) CheckContent(string fileName, ReadOnlySpan<byte> head)
    {
        if (CheckName(fileName) is { } nameError)
        {
            return (null, nameError);
        }

        var extension = FileNames.Extension(fileName);
        var (matches, contentType) = extension switch
        {
            "pdf" => (head.StartsWith(Pdf), "application/pdf"),
            "png" => (head.StartsWith(Png), "image/png"),
            "jpg" or "jpeg" => (head.StartsWith(Jpeg), "image/jpeg"),
            "gif" => (head.StartsWith(Gif), "image/gif"),
            "tif" or "tiff" => (head.StartsWith(TiffLittle) || head.StartsWith(TiffBig), "image/tiff"),
            "heic" => (head.Length >= 12 && head.Slice(4, 4).SequenceEqual("ftyp"u8), "image/heic"),
            "docx" => (head.StartsWith(Zip), "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
            "xlsx" => (head.StartsWith(Zip), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
            "pptx" => (head.StartsWith(Zip), "application/vnd.openxmlformats-officedocument.presentationml.presentation"),
            "odt" => (head.StartsWith(Zip), "application/vnd.oasis.opendocument.text"),
            "ods" => (head.StartsWith(Zip), "application/vnd.oasis.opendocument.spreadsheet"),
            "doc" => (head.StartsWith(Ole), "application/msword"),
            "xls" => (head.StartsWith(Ole), "application/vnd.ms-excel"),
            "ppt" => (head.StartsWith(Ole), "application/vnd.ms-powerpoint"),
            "rtf" => (head.StartsWith(Rtf), "application/rtf"),
            "csv" => (IsText(head), "text/csv"),
            "txt" => (IsText(head), "text/plain"),
            "xml" => (IsText(head) && !LooksLikeMarkupThatRuns(head), "application/xml"),
            // QuickBooks backups and company files have no documented signature; they are not executable
            // and are only ever downloaded as attachments.
            "qbb" or "qbw" or "qbm" => (!head.StartsWith("MZ"u8) && !head.StartsWith(Elf), "application/octet-stream"),
            _ => (false, "application/octet-stream"),
        };

        return matches
            ? (contentType, null)
            : (null, $"\"{fileName}\" does not contain what its name says (a .{extension} file). It may be damaged, or be another kind of file renamed; it was not accepted.");
    }

    private string Allowed => string.Join(", ", options.Value.AllowedExtensions.Select(e => "." + e));

    private static bool IsText(ReadOnlySpan<byte> head)
    {
        if (head.Contains((byte)0) || head.StartsWith("MZ"u8))
        {
            return false;
        }

        // Valid UTF-8; a full sample may end inside a character of up to 4 bytes, so its tail is not judged.
        return Utf8Valid(head.Length == HeadLength ? head[..^3] : head);
    }

    private static bool Utf8Valid(ReadOnlySpan<byte> data)
    {
        try
        {
            _ = new UTF8Encoding(false, true).GetCharCount(data);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    private static bool LooksLikeMarkupThatRuns(ReadOnlySpan<byte> head)
    {
        var text = Encoding.UTF8.GetString(head).ToLowerInvariant();
        return text.Contains("<svg", StringComparison.Ordinal) || text.Contains("<html", StringComparison.Ordinal) || text.Contains("<script", StringComparison.Ordinal);
    }
}
