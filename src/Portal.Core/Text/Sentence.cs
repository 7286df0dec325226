namespace Portal.Core.Text;

/// <summary>Small rules for sentences built around names people type ("Harbour Bakery Inc.").</summary>
public static class Sentence
{
    /// <summary>The text with a full stop, unless it already ends with one (or ? !): never "Inc..".</summary>
    public static string End(string text)
        => text.TrimEnd() is { Length: > 0 } trimmed && trimmed[^1] is '.' or '!' or '?' or '…' ? trimmed : text.TrimEnd() + ".";

    /// <summary>"1 document", "2 documents" (regular plurals; give <paramref name="plural"/> otherwise).</summary>
    public static string Count(int count, string singular, string? plural = null)
        => count == 1 ? $"1 {singular}" : $"{count.ToString(System.Globalization.CultureInfo.CurrentCulture)} {plural ?? singular + "s"}";
}
