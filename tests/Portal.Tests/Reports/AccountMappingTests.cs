using Portal.Core.Settings;
using Portal.Reports.Journals;

namespace Portal.Tests.Reports;

/// <summary>The account mapping's defaults are complete; a missing or malformed account is named by its field.</summary>
public sealed class AccountMappingTests
{
    [Fact]
    public void The_defaults_are_valid() => Assert.Empty(AccountMapping.Validate(new AccountMapping()));

    [Fact]
    public void It_is_a_settings_section_the_registry_accepts()
    {
        var descriptor = SettingsSectionDescriptor.For<AccountMapping>(AccountMapping.Validate);
        Assert.Equal("account-mapping", descriptor.Name);
        Assert.NotNull(descriptor.FindField("clearingAccountNumber"));
    }

    public static TheoryData<string, AccountMapping> Missing => new()
    {
        { "clearingAccountName", new AccountMapping { ClearingAccountName = "" } },
        { "feesAccountName", new AccountMapping { FeesAccountName = " " } },
        { "receivableAccountName", new AccountMapping { ReceivableAccountName = null! } },
        { "clearingAccountNumber", new AccountMapping { ClearingAccountNumber = "" } },
        { "feesAccountNumber", new AccountMapping { FeesAccountNumber = "" } },
        { "receivableAccountNumber", new AccountMapping { ReceivableAccountNumber = "" } },
        { "xeroTaxRate", new AccountMapping { XeroTaxRate = "" } },
    };

    [Theory]
    [MemberData(nameof(Missing))]
    public void A_missing_account_is_named_by_its_field(string field, AccountMapping mapping)
    {
        var problem = Assert.Single(AccountMapping.Validate(mapping));
        Assert.Equal(field, problem.Field);
        Assert.StartsWith("is required", problem.Message, StringComparison.Ordinal);
    }

    public static TheoryData<string, AccountMapping> Malformed => new()
    {
        { "clearingAccountNumber", new AccountMapping { ClearingAccountNumber = "10-60" } },
        { "receivableAccountNumber", new AccountMapping { ReceivableAccountNumber = "12345678901" } },
        { "feesAccountName", new AccountMapping { FeesAccountName = "Merchant\tFees" } },
        { "clearingAccountName", new AccountMapping { ClearingAccountName = new string('x', 101) } },
        { "quickBooksOnlineDateFormat", new AccountMapping { QuickBooksOnlineDateFormat = "yyyy-MM-dd" } },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public void A_malformed_account_is_named_by_its_field(string field, AccountMapping mapping)
        => Assert.Equal(field, Assert.Single(AccountMapping.Validate(mapping)).Field);

    [Fact]
    public void A_subaccount_in_quickbooks_form_is_accepted()
        => Assert.Empty(AccountMapping.Validate(new AccountMapping { ClearingAccountName = "Bank:Stripe Clearing" }));

    [Fact]
    public async Task A_writer_refuses_an_incomplete_mapping_naming_the_field_and_writes_nothing()
    {
        var output = new MemoryStream();
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            new QuickBooksDesktopIif().WriteAsync(JournalSamples.Entries(), new AccountMapping { ReceivableAccountName = "" }, output, CancellationToken.None));

        Assert.Contains("receivableAccountName", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, output.Length);
    }
}
