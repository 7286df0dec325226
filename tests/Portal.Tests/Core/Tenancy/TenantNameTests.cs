using Portal.Core.Tenancy;

namespace Portal.Tests.Core.Tenancy;

public sealed class TenantNameTests
{
    [Theory]
    [InlineData("ab")]
    [InlineData("acme")]
    [InlineData("acme-cpa")]
    [InlineData("smith-and-co-2024")]
    [InlineData("a234567890123456789012345678901234567890")]
    public void Accepts_dns_label_names(string name) => Assert.Null(TenantName.Validate(name));

    [Theory]
    [InlineData("", "Enter a name")]
    [InlineData("a", "2 to 40")]
    [InlineData("a2345678901234567890123456789012345678901", "2 to 40")]
    [InlineData("Acme", "lowercase")]
    [InlineData("1acme", "starting with a letter")]
    [InlineData("acme-", "not ending with a hyphen")]
    [InlineData("-acme", "starting with a letter")]
    [InlineData("ac me", "lowercase")]
    [InlineData("acme.cpa", "lowercase")]
    [InlineData("ac--me", "two hyphens")]
    [InlineData("admin", "reserved")]
    [InlineData("www", "reserved")]
    [InlineData("api", "reserved")]
    [InlineData("t", "2 to 40")]
    public void Refuses_bad_names_with_a_reason(string name, string reason)
    {
        var error = TenantName.Validate(name);
        Assert.NotNull(error);
        Assert.Contains(reason, error, StringComparison.OrdinalIgnoreCase);
    }
}
