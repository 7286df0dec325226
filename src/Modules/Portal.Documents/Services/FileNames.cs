using System.Globalization;
using System.Text;

namespace Portal.Documents.Services;

/// <summary>
/// Turns whatever name a browser or client sends into a safe display name: no folders (path
/// traversal), no control or reserved characters, no trailing dots or spaces, at most 200
/// characters with the extension kept. The name is only ever shown and used in downloads; stored
/// bytes live under server-generated keys.
/// </summary>
public static class FileNames
{
    public const int MaxLength = 200;
    private const string Reserved = "<>:\"/\\|?*";

    public static string Clean(string? raw) => CleanOrEmpty(raw) is { Length: > 0 } name ? name : "file";

    /// <summary>As <see cref="Clean"/>, but "" when nothing usable is left (where a name must be typed, such as a folder's).</summary>
    public static string CleanOrEmpty(string? raw)
    {
        var name = (raw ?? "").Normalize(NormalizationForm.FormC);

        // Only the last path segment counts: "../../etc/passwd" is "passwd", "C:\x\y.pdf" is "y.pdf".
        var lastSeparator = name.LastIndexOfAny(['/', '\\']);
        if (lastSeparator >= 0)
        {
            name = name[(lastSeparator + 1)..];
        }

        var builder = new StringBuilder(name.Length);
        foreach (var rune in name.EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            if (Rune.IsControl(rune) || category is UnicodeCategory.Format or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned
                || (rune.IsAscii && Reserved.Contains((char)rune.Value, StringComparison.Ordinal)))
            {
                builder.Append('_');
            }
            else
            {
                builder.Append(rune.ToString());
            }
        }

        name = builder.ToString().Trim().TrimEnd('.', ' ').TrimStart('.');
        if (name.All(c => c == '_'))
        {
            return "";
        }

        if (name.Length > MaxLength)
        {
            var extension = Path.GetExtension(name);
            extension = extension.Length is > 1 and <= 10 ? extension : "";
            name = name[..(MaxLength - extension.Length)].TrimEnd('.', ' ') + extension;
        }

        return name;
    }

    public static string Extension(string name) => Path.GetExtension(name).TrimStart('.').ToLowerInvariant();

    public static string Normalize(string name) => name.ToLowerInvariant();

    /// <summary>"report.pdf" -> "report (2).pdf" when a zip already holds the name.</summary>
    public static string Numbered(string name, int number)
    {
        var extension = Path.GetExtension(name);
        return $"{name[..^extension.Length]} ({number.ToString(CultureInfo.InvariantCulture)}){extension}";
    }
}
