using System.Text;

namespace Portal.Documents.Services;

/// <summary>tus's Upload-Metadata: comma-separated "key base64value" pairs.</summary>
public static class TusMetadata
{
    /// <summary>The pairs, decoded; null when a value is not base64.</summary>
    public static Dictionary<string, string>? Parse(string? header)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(header))
        {
            return result;
        }

        foreach (var pair in header.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = pair.Split(' ', 2, StringSplitOptions.TrimEntries);
            try
            {
                result[parts[0]] = parts.Length == 2 ? Encoding.UTF8.GetString(Convert.FromBase64String(parts[1])) : "";
            }
            catch (FormatException)
            {
                return null;
            }
        }

        return result;
    }

    public static string Format(IReadOnlyDictionary<string, string> metadata)
        => string.Join(',', metadata.Select(p => $"{p.Key} {Convert.ToBase64String(Encoding.UTF8.GetBytes(p.Value))}"));
}
