namespace Portal.Billing.Models;

/// <summary>Canada Post's two-letter codes of the provinces and territories.</summary>
public static class Provinces
{
    public static readonly IReadOnlyList<string> Codes = ["AB", "BC", "MB", "NB", "NL", "NS", "NT", "NU", "ON", "PE", "QC", "SK", "YT"];

    public static bool IsCode(string code) => Codes.Contains(code, StringComparer.Ordinal);
}
