namespace Portal.Core.Contracts;

/// <summary>
/// Canada Post's two-letter codes of the provinces and territories and their names: what a client's
/// province is written as (Clients keeps it; Billing reads it for the fee rule).
/// </summary>
public static class CanadianProvinces
{
    public static readonly IReadOnlyList<(string Code, string Name)> All =
    [
        ("AB", "Alberta"),
        ("BC", "British Columbia"),
        ("MB", "Manitoba"),
        ("NB", "New Brunswick"),
        ("NL", "Newfoundland and Labrador"),
        ("NS", "Nova Scotia"),
        ("NT", "Northwest Territories"),
        ("NU", "Nunavut"),
        ("ON", "Ontario"),
        ("PE", "Prince Edward Island"),
        ("QC", "Quebec"),
        ("SK", "Saskatchewan"),
        ("YT", "Yukon"),
    ];

    public static readonly IReadOnlyList<string> Codes = [.. All.Select(p => p.Code)];

    public static bool IsCode(string code) => Codes.Contains(code, StringComparer.Ordinal);
}
