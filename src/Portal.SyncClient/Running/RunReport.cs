using PortalSync.Planning;
using Spectre.Console;

namespace PortalSync.Running;

/// <summary>The end of a run on screen: what moved per kind, then every row that did not go.</summary>
internal static class RunReport
{
    public const int MaxErrorRows = 200;

    public static void Write(IAnsiConsole console, RunTally tally)
    {
        var summary = new Table().AddColumns("Kind", "Created", "Updated", "Unchanged", "Deleted", "Upload", "Errors");
        foreach (var kind in SyncKinds.InOrder)
        {
            var counts = tally.Counts.GetValueOrDefault(kind) ?? [];
            summary.AddRow(kind, N(counts, "created"), N(counts, "updated"), N(counts, "unchanged"), N(counts, "deleted"), N(counts, "upload"),
                tally.Errors.Count(e => e.Kind == kind).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        console.Write(summary);
        console.MarkupLine($"Uploaded {tally.Uploaded} file(s), downloaded {tally.Downloaded} new client file(s), wrote back {tally.WrittenBack} payment(s), message(s) and task(s).");
        if (tally.Skipped.Count > 0)
        {
            console.MarkupLine($"[yellow]Skipped {string.Join(", ", tally.Skipped)}: switched off in the portal. They go with the first run after the practice switches them on.[/]");
        }

        if (tally.Errors.Count == 0)
        {
            console.MarkupLine("[green]Finished syncing.[/]");
            return;
        }

        var errors = new Table().AddColumns("Kind", "External id", "Field", "Problem");
        foreach (var error in tally.Errors.Take(MaxErrorRows))
        {
            errors.AddRow(Markup.Escape(error.Kind), Markup.Escape(error.ExternalId), Markup.Escape(error.Field ?? ""), Markup.Escape($"{error.Message} ({error.Code})"));
        }

        console.Write(errors);
        if (tally.Errors.Count > MaxErrorRows)
        {
            console.MarkupLine($"… and {tally.Errors.Count - MaxErrorRows} more.");
        }

        console.MarkupLine($"[yellow]Finished syncing; {tally.Errors.Count} row(s) did not go (above). The rest is in the portal.[/]");
    }

    private static string N(Dictionary<string, int> counts, string key) => counts.GetValueOrDefault(key).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
