using Portal.Reports.Journals;

namespace Portal.Reports.Exports;

/// <summary>The bookkeeping programs as a person and an address name them ("xero" in a form, "Xero (manual journal CSV)" on the page).</summary>
public static class AccountingPrograms
{
    public static readonly IReadOnlyList<JournalFileFormat> All =
    [
        JournalFileFormat.QuickBooksDesktopIif,
        JournalFileFormat.QuickBooksOnlineCsv,
        JournalFileFormat.SageAccountingCsv,
        JournalFileFormat.Sage50Text,
        JournalFileFormat.XeroCsv,
    ];

    public static string DisplayName(JournalFileFormat program) => program switch
    {
        JournalFileFormat.QuickBooksDesktopIif => "QuickBooks Desktop (IIF)",
        JournalFileFormat.QuickBooksOnlineCsv => "QuickBooks Online (journal CSV)",
        JournalFileFormat.SageAccountingCsv => "Sage Accounting (journal CSV)",
        JournalFileFormat.Sage50Text => "Sage 50 Canadian Edition (general journal)",
        JournalFileFormat.XeroCsv => "Xero (manual journal CSV)",
        _ => throw new ArgumentOutOfRangeException(nameof(program), program, null),
    };

    /// <summary>The form value and the start of the file's name.</summary>
    public static string Slug(JournalFileFormat program) => program switch
    {
        JournalFileFormat.QuickBooksDesktopIif => "quickbooks-desktop",
        JournalFileFormat.QuickBooksOnlineCsv => "quickbooks-online",
        JournalFileFormat.SageAccountingCsv => "sage-accounting",
        JournalFileFormat.Sage50Text => "sage-50",
        JournalFileFormat.XeroCsv => "xero",
        _ => throw new ArgumentOutOfRangeException(nameof(program), program, null),
    };

    public static JournalFileFormat? FromSlug(string? slug)
        => All.Cast<JournalFileFormat?>().FirstOrDefault(p => string.Equals(Slug(p!.Value), slug?.Trim(), StringComparison.OrdinalIgnoreCase));
}
