using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Xml;

namespace Portal.Reports.Services;

/// <summary>
/// Text as every report format writes it, so the formats agree: a line break is a line feed (what a
/// spreadsheet cell holds, and all an xlsx can keep: XML reads CR LF as LF), and characters XML cannot
/// carry (other control characters a pasted name may hold) are dropped rather than failing the file.
/// </summary>
public static class ReportText
{
    [return: NotNullIfNotNull(nameof(value))]
    public static string? Clean(string? value)
    {
        if (value is null || !value.Any(c => c == '\r' || !XmlConvert.IsXmlChar(c)))
        {
            return value;
        }

        var text = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c == '\r')
            {
                text.Append('\n');
                if (i + 1 < value.Length && value[i + 1] == '\n')
                {
                    i++;
                }
            }
            else if (XmlConvert.IsXmlChar(c) || (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1])))
            {
                text.Append(c);
                if (char.IsHighSurrogate(c))
                {
                    text.Append(value[++i]);
                }
            }
        }

        return text.ToString();
    }
}
