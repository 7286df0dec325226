namespace Portal.Sync.Models;

/// <summary>The name a program gives for the machine it runs on (the "device_name" parameter), made safe to show.</summary>
public static class SyncDeviceName
{
    public const int MaxLength = 100;

    public const string Parameter = "device_name";

    public const string Unnamed = "(no device name given)";

    /// <summary>Control characters blanked, whitespace collapsed, cut to <see cref="MaxLength"/>.</summary>
    public static string Clean(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return Unnamed;
        }

        var kept = new string(value.Select(c => char.IsControl(c) ? ' ' : c).ToArray());
        var words = string.Join(' ', kept.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return words.Length == 0 ? Unnamed : words.Length <= MaxLength ? words : words[..MaxLength];
    }
}
