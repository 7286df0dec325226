namespace Portal.Reports.Services;

/// <summary>One CSV field (RFC 4180), safe to open in a spreadsheet.</summary>
public static class CsvField
{
    /// <summary>
    /// Text a person typed. A value a spreadsheet would run as a formula (leading = + - @, or a tab or
    /// carriage return that hides one; OWASP's CSV injection advice) gets a leading apostrophe so it is
    /// shown as text. Amounts and dates the portal formats itself go through <see cref="Plain"/>:
    /// a refund's -10.00 must stay a number.
    /// </summary>
    public static string Text(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        var neutralized = value[0] is '=' or '+' or '-' or '@' or '\t' or '\r';
        return Plain(neutralized ? "'" + value : value, forceQuotes: neutralized);
    }

    /// <summary>A value the portal wrote (a number, a date, a fixed heading): quoted only when it must be.</summary>
    public static string Plain(string value, bool forceQuotes = false)
        => forceQuotes || value.AsSpan().IndexOfAny(",\"\r\n") >= 0
            ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : value;
}
