using System.Text.RegularExpressions;

namespace Portal.Core.Tenancy;

/// <summary>Validation of custom domains a practice adds (RFC 1123 host names).</summary>
public static partial class HostNameRules
{
    [GeneratedRegex(@"^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+$", RegexOptions.CultureInvariant)]
    private static partial Regex HostShape();

    public static string? Validate(string hostName)
    {
        if (string.IsNullOrWhiteSpace(hostName))
        {
            return "Enter a host name such as portal.yourfirm.com.";
        }

        if (!HostShape().IsMatch(hostName))
        {
            return $"\"{hostName}\" is not a valid host name (letters, digits, hyphens and dots, such as portal.yourfirm.com).";
        }

        return null;
    }
}
