namespace Portal.Billing.Payments;

/// <summary>Stripe's requirement names (requirements.currently_due) in plain words; unknown ones are shown as Stripe names them.</summary>
public static class RequirementWords
{
    private static readonly Dictionary<string, string> Known = new(StringComparer.Ordinal)
    {
        ["external_account"] = "A bank account for payouts",
        ["business_profile.url"] = "The practice's website",
        ["business_profile.mcc"] = "The kind of business",
        ["business_profile.product_description"] = "A description of what the practice sells",
        ["business_type"] = "The type of business (company, individual…)",
        ["tos_acceptance.date"] = "Acceptance of Stripe's terms of service",
        ["tos_acceptance.ip"] = "Acceptance of Stripe's terms of service",
        ["company.name"] = "The company's legal name",
        ["company.tax_id"] = "The company's business number",
        ["company.address.line1"] = "The company's address",
        ["representative.first_name"] = "The representative's name",
        ["representative.last_name"] = "The representative's name",
        ["representative.dob.day"] = "The representative's date of birth",
        ["individual.verification.document"] = "An identity document",
        ["representative.verification.document"] = "The representative's identity document",
    };

    /// <summary>Each distinct thing Stripe asks for, once (several fields can share a description).</summary>
    public static IReadOnlyList<string> Describe(IEnumerable<string> currentlyDue)
        => [.. currentlyDue.Select(d => Known.TryGetValue(d, out var words) ? words : d).Distinct(StringComparer.Ordinal)];
}
