namespace Portal.Reports.Journals;

public enum JournalFileFormat
{
    QuickBooksDesktopIif,
    QuickBooksOnlineCsv,
    SageAccountingCsv,
    Sage50Text,
    XeroCsv,
}
