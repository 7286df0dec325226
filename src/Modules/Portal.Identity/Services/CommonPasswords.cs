using System.Collections.Frozen;
using System.Reflection;

namespace Portal.Identity.Services;

/// <summary>
/// Passwords that appear at the top of breach corpora (embedded list, compared case-insensitively
/// after removing trailing digits and punctuation such as "Password2024!").
/// </summary>
public static class CommonPasswords
{
    private static readonly FrozenSet<string> List = Load();

    public static int Count => List.Count;

    public static bool Contains(string password)
    {
        var lowered = password.ToLowerInvariant();
        if (List.Contains(lowered))
        {
            return true;
        }

        var stem = lowered.TrimEnd('0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '!', '.', '?', '#', '$', '@', '*');
        return stem.Length >= 4 && List.Contains(stem);
    }

    private static FrozenSet<string> Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Portal.Identity.common-passwords.txt")
            ?? throw new InvalidOperationException("The common password list is missing from the assembly.");
        using var reader = new StreamReader(stream);
        var words = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            var word = line.Trim();
            if (word.Length > 0 && !word.StartsWith('#'))
            {
                words.Add(word.ToLowerInvariant());
            }
        }

        return words.ToFrozenSet(StringComparer.Ordinal);
    }
}
