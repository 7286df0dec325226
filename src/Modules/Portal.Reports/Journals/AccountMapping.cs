using Portal.Core.Settings;

namespace Portal.Reports.Journals;

/// <summary>
/// The accounts a practice's payments are posted to in its bookkeeping program (section
/// "account-mapping"). Names are for QuickBooks (which matches accounts by name; "Parent:Sub" for a
/// subaccount), numbers for Sage, Sage 50 and Xero (which match by number or code). The defaults
/// are the usual names and Sage 50's default chart's numbers.
/// </summary>
public sealed record AccountMapping : ISettingsSection
{
    public static string SectionName => "account-mapping";

    public const int NameMaxLength = 100;
    public const int NumberMaxLength = 10;

    public static readonly IReadOnlyList<string> QuickBooksOnlineDateFormats = ["MM/dd/yyyy", "dd/MM/yyyy"];

    /// <summary>Where the processor's payouts land (Stripe clearing, or the bank account itself).</summary>
    public string ClearingAccountName { get; init; } = "Stripe Clearing";

    public string ClearingAccountNumber { get; init; } = "1065";

    public string FeesAccountName { get; init; } = "Merchant Fees";

    public string FeesAccountNumber { get; init; } = "5790";

    public string ReceivableAccountName { get; init; } = "Accounts Receivable";

    public string ReceivableAccountNumber { get; init; } = "1200";

    /// <summary>Xero wants a tax rate on every journal line, by the name the organisation shows.</summary>
    public string XeroTaxRate { get; init; } = "Tax Exempt";

    /// <summary>QuickBooks Online reads dates in the company's own format.</summary>
    public string QuickBooksOnlineDateFormat { get; init; } = "MM/dd/yyyy";

    public string NameOf(JournalAccount account) => account switch
    {
        JournalAccount.Clearing => ClearingAccountName,
        JournalAccount.Fees => FeesAccountName,
        JournalAccount.Receivable => ReceivableAccountName,
        _ => throw new ArgumentOutOfRangeException(nameof(account), account, null),
    };

    public string NumberOf(JournalAccount account) => account switch
    {
        JournalAccount.Clearing => ClearingAccountNumber,
        JournalAccount.Fees => FeesAccountNumber,
        JournalAccount.Receivable => ReceivableAccountNumber,
        _ => throw new ArgumentOutOfRangeException(nameof(account), account, null),
    };

    public static IEnumerable<SettingsProblem> Validate(AccountMapping m)
    {
        foreach (var problem in AccountName(nameof(ClearingAccountName), "clearing (or bank)", m.ClearingAccountName)
            .Concat(AccountName(nameof(FeesAccountName), "processor fees", m.FeesAccountName))
            .Concat(AccountName(nameof(ReceivableAccountName), "accounts receivable", m.ReceivableAccountName))
            .Concat(AccountNumber(nameof(ClearingAccountNumber), "clearing (or bank)", m.ClearingAccountNumber))
            .Concat(AccountNumber(nameof(FeesAccountNumber), "processor fees", m.FeesAccountNumber))
            .Concat(AccountNumber(nameof(ReceivableAccountNumber), "accounts receivable", m.ReceivableAccountNumber)))
        {
            yield return problem;
        }

        if (string.IsNullOrWhiteSpace(m.XeroTaxRate))
        {
            yield return SettingsProblem.Of(nameof(XeroTaxRate), "is required: Xero needs a tax rate on every journal line (for example Tax Exempt).");
        }
        else if (m.XeroTaxRate.Length > NameMaxLength || m.XeroTaxRate.Any(char.IsControl))
        {
            yield return SettingsProblem.Of(nameof(XeroTaxRate), $"must be at most {NameMaxLength} characters on one line.");
        }

        if (!QuickBooksOnlineDateFormats.Contains(m.QuickBooksOnlineDateFormat))
        {
            yield return SettingsProblem.Of(nameof(QuickBooksOnlineDateFormat), "must be MM/dd/yyyy or dd/MM/yyyy.");
        }
    }

    private static IEnumerable<SettingsProblem> AccountName(string field, string purpose, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            yield return SettingsProblem.Of(field, $"is required: the name of the {purpose} account in QuickBooks.");
        }
        else if (value.Length > NameMaxLength || value.Any(char.IsControl))
        {
            // A tab or line break would split an IIF or CSV line.
            yield return SettingsProblem.Of(field, $"must be at most {NameMaxLength} characters on one line.");
        }
    }

    private static IEnumerable<SettingsProblem> AccountNumber(string field, string purpose, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            yield return SettingsProblem.Of(field, $"is required: the number of the {purpose} account in Sage and Xero.");
        }
        else if (value.Length > NumberMaxLength || !value.All(char.IsAsciiDigit))
        {
            // Sage 50's import takes account numbers only; Xero's codes are digits in its default chart.
            yield return SettingsProblem.Of(field, $"must be digits only, at most {NumberMaxLength}.");
        }
    }
}
