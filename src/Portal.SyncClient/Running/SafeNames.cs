namespace PortalSync.Running;

/// <summary>Names from the portal made safe as one path segment here (no separators, no "..", no reserved characters).</summary>
internal static class SafeNames
{
    public static string Segment(string? name, string fallback)
    {
        var invalid = Path.GetInvalidFileNameChars().Concat(['/', '\\', ':', '*', '?', '"', '<', '>', '|']).ToHashSet();
        var cleaned = new string((name ?? "").Select(c => invalid.Contains(c) || char.IsControl(c) ? '_' : c).ToArray()).Trim().TrimEnd('.');
        return cleaned.Length == 0 || cleaned is "." or ".." ? fallback : cleaned;
    }

    public static string Folder(string root, string? client, string? folder)
    {
        var path = Path.Combine(root, Segment(client, "unknown client"));
        foreach (var part in (folder ?? "").Split(['/', '\\'], StringSplitOptions.RemoveEmptyEntries))
        {
            var segment = Segment(part, "_");
            if (segment != "_")
            {
                path = Path.Combine(path, segment);
            }
        }

        return path;
    }
}
