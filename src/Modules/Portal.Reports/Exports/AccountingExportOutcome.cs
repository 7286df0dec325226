namespace Portal.Reports.Exports;

/// <summary>A file made (<see cref="Export"/>), or why none was (<see cref="Message"/>: nothing new, the mapping incomplete, a race lost).</summary>
public sealed record AccountingExportOutcome(AccountingExport? Export, string? Message)
{
    public static AccountingExportOutcome Made(AccountingExport export) => new(export, null);

    public static AccountingExportOutcome NotMade(string message) => new(null, message);
}
