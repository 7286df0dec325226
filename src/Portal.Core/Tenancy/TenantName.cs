using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace Portal.Core.Tenancy;

/// <summary>
/// Rules for a practice's name. The name becomes a DNS label (<c>acme.portal.example</c>), a URL
/// segment (<c>/t/acme</c>), a folder and a database schema, so it is deliberately narrow and can
/// never change once the practice exists.
/// </summary>
public static partial class TenantName
{
    public const int MinLength = 2;
    public const int MaxLength = 40;

    /// <summary>Names that would collide with platform routes, infrastructure or user expectations.</summary>
    public static readonly FrozenSet<string> Reserved = new[]
    {
        "admin", "administrator", "api", "app", "assets", "auth", "cdn", "dashboard", "default", "demo-host",
        "docs", "ftp", "health", "help", "host", "imap", "login", "mail", "ns1", "ns2", "platform", "pop",
        "portal", "postgres", "postmaster", "root", "setup", "signin", "smtp", "static", "status", "support",
        "sync", "system", "t", "tenant", "tenants", "test", "webmail", "www",
    }.ToFrozenSet(StringComparer.Ordinal);

    [GeneratedRegex("^[a-z][a-z0-9-]*[a-z0-9]$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();

    /// <summary>Returns null when the name is acceptable, otherwise a message for the person who typed it.</summary>
    public static string? Validate(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return "Enter a name for the practice's portal address.";
        }

        if (name.Length is < MinLength or > MaxLength)
        {
            return $"The name must be {MinLength} to {MaxLength} characters long.";
        }

        if (!Shape().IsMatch(name))
        {
            return "Use lowercase letters, digits and hyphens only, starting with a letter and not ending with a hyphen.";
        }

        if (name.Contains("--", StringComparison.Ordinal))
        {
            return "The name cannot contain two hyphens in a row.";
        }

        if (Reserved.Contains(name))
        {
            return $"\"{name}\" is reserved; choose another name.";
        }

        return null;
    }

    public static bool IsValid(string? name) => Validate(name) is null;
}
