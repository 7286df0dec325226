namespace Portal.Reports.Exports;

/// <summary>
/// A file made (<see cref="Export"/>), or why none was (<see cref="Message"/>: nothing new, the mapping incomplete,
/// a race lost); <see cref="IsFailure"/> when the file could not be made from what there is (a payment the file cannot
/// hold, the writer's error), which the page answers with 422.
/// </summary>
public sealed record AccountingExportOutcome(AccountingExport? Export, string? Message)
{
    public bool IsFailure { get; init; }

    public static AccountingExportOutcome Made(AccountingExport export) => new(export, null);

    public static AccountingExportOutcome NotMade(string message) => new(null, message);

    public static AccountingExportOutcome Failed(string message) => new(null, message) { IsFailure = true };
}
