using System.Collections.Frozen;
using Portal.Documents.Services;

namespace Portal.Documents.Pages.Shared;

/// <summary>
/// Which icon a file name gets, by its extension only: the icon helps the eye find a file, it is not a
/// claim about the content (uploads are checked by <see cref="FileTypes"/>).
/// </summary>
internal static class FileKinds
{
    private static readonly FrozenDictionary<string, FileKind> ByExtension = new Dictionary<string, FileKind>(StringComparer.OrdinalIgnoreCase)
    {
        ["pdf"] = FileKind.Pdf,
        ["xls"] = FileKind.Spreadsheet,
        ["xlsx"] = FileKind.Spreadsheet,
        ["ods"] = FileKind.Spreadsheet,
        ["csv"] = FileKind.Spreadsheet,
        ["jpg"] = FileKind.Image,
        ["jpeg"] = FileKind.Image,
        ["png"] = FileKind.Image,
        ["gif"] = FileKind.Image,
        ["tif"] = FileKind.Image,
        ["tiff"] = FileKind.Image,
        ["heic"] = FileKind.Image,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    public static FileKind Of(string fileName)
        => ByExtension.GetValueOrDefault(FileNames.Extension(fileName), FileKind.Other);

    /// <summary>The token used in class names and data attributes ("pdf", "spreadsheet", ...).</summary>
    public static string Token(FileKind kind) => kind switch
    {
        FileKind.Pdf => "pdf",
        FileKind.Spreadsheet => "spreadsheet",
        FileKind.Image => "image",
        _ => "text",
    };
}
