using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Portal.Tests.Core.Mail;

/// <summary>
/// What Handlebars made of a template before the move to Liquid. LegacyHandlebarsRenderings.json was
/// written once by the former MailTemplateRenderer (Handlebars.Net 2.4.3, HTML escaped, text not),
/// at the last commit that had it, for every built-in template with its sample model and a variant
/// (yes/no values flipped, a one-item list, a name with quotes and brackets), and for two edited
/// templates that use the rest of what the converter supports. The practice values below are the
/// ones it was rendered with.
/// </summary>
public sealed record LegacyRendering(string Case, string? Template, MailParts Source, IReadOnlyDictionary<string, object?> Model, MailParts Rendered)
{
    public const string PracticeName = "Maple & Co \"Chartered\"";
    public const string PortalUrl = "https://maple.example";
    public const string BrandColor = "#1f5f8b";

    public Dictionary<string, object?> Values => new(Model)
    {
        ["practiceName"] = PracticeName,
        ["portalUrl"] = PortalUrl,
        ["brandColor"] = BrandColor,
    };

    public override string ToString() => Case;

    public static IReadOnlyList<LegacyRendering> All { get; } = Load();

    private static List<LegacyRendering> Load()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Core", "Mail", "LegacyHandlebarsRenderings.json")));
        return json.RootElement.EnumerateArray().Select(c => new LegacyRendering(
            c.GetProperty("case").GetString()!,
            c.GetProperty("template").GetString(),
            Parts(c.GetProperty("source")),
            c.GetProperty("model").EnumerateObject().ToDictionary(p => p.Name, p => Value(p.Value)),
            Parts(c.GetProperty("rendered")))).ToList();
    }

    private static MailParts Parts(JsonElement e)
        => new(e.GetProperty("subject").GetString()!, e.GetProperty("html").GetString()!, e.GetProperty("text").GetString()!);

    // The models held strings, yes/no values, counts and lists of file names.
    private static object? Value(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Number => e.GetInt32(),
        JsonValueKind.Array => e.EnumerateArray().Select(i => i.GetString()!).ToArray(),
        JsonValueKind.Null => null,
        _ => e.GetString(),
    };
}

public sealed record MailParts(string Subject, string Html, string Text);

/// <summary>
/// HTML compared the way a mail reader sees it. Handlebars and Fluid's encoder spell some characters
/// differently (<c>&amp;#x3D;</c> or a plain <c>=</c>, <c>&amp;#39;</c> or <c>&amp;#x27;</c>), so every character
/// reference is rewritten in one spelling; one that stands for markup (<c>&lt; &gt; &amp; " '</c>) stays a
/// reference, so a value that was escaped and one that was not never compare equal.
/// </summary>
public static partial class HtmlText
{
    public static string Canonical(string html) => CharacterReference().Replace(html, m =>
    {
        var character = WebUtility.HtmlDecode(m.Value);
        return character is "<" or ">" or "&" or "\"" or "'" ? $"&#x{(int)character[0]:X};" : character;
    });

    [GeneratedRegex(@"&(#[0-9]+|#x[0-9a-fA-F]+|[a-zA-Z]+);")]
    private static partial Regex CharacterReference();
}
