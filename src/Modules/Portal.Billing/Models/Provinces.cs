namespace Portal.Billing.Models;

/// <summary>Canada Post's two-letter codes of the provinces and territories.</summary>
public static class Provinces
{
    public static readonly IReadOnlyList<string> Codes = Portal.Core.Contracts.CanadianProvinces.Codes;

    public static bool IsCode(string code) => Portal.Core.Contracts.CanadianProvinces.IsCode(code);
}
