namespace Portal.Sync.Services;

/// <summary>
/// The user codes of the device flow: 8 characters from 20 consonants, shown as "BCDF-GHJK". What a person
/// types is forgiven its case, spaces and dashes.
/// </summary>
public static class UserCodes
{
    public const string Charset = "BCDFGHJKLMNPQRSTVWXZ";

    public const int Length = 8;

    public const string DisplayFormat = "{0}{1}{2}{3}-{4}{5}{6}{7}";

    /// <summary>Upper case, everything outside the charset dropped: "bcdf ghjk" and "BCDF-GHJK" are one code.</summary>
    public static string Normalize(string? typed)
        => typed is null ? "" : new string(typed.ToUpperInvariant().Where(c => Charset.Contains(c, StringComparison.Ordinal)).ToArray());
}
