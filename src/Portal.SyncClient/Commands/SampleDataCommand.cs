using System.ComponentModel;
using PortalSync.Hosting;
using PortalSync.SampleData;
using Spectre.Console;
using Spectre.Console.Cli;

namespace PortalSync.Commands;

/// <summary>portal-sync sample-data &lt;file.sqlite&gt; --contacts N: a realistic practice data file (the same --seed, the same data).</summary>
internal sealed class SampleDataCommand(ClientEnvironment environment) : PortalSyncCommand<SampleDataCommand.Settings>(environment)
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<file>")]
        [Description("The SQLite data file to create (its PDFs go to \"{name} documents\" next to it).")]
        public string File { get; init; } = "";

        [CommandOption("--contacts <N>")]
        public int Contacts { get; init; } = 50;

        [CommandOption("--invoices <N>")]
        [Description("Default: as many as contacts.")]
        public int? Invoices { get; init; }

        [CommandOption("--payments <N>")]
        [Description("Default: as many as contacts (at most one per invoice).")]
        public int? Payments { get; init; }

        [CommandOption("--projects <N>")]
        [Description("Default: half the contacts.")]
        public int? Projects { get; init; }

        [CommandOption("--documents <N>")]
        [Description("Default: a tenth of the contacts.")]
        public int? Documents { get; init; }

        [CommandOption("--document-kb <N>")]
        [Description("Make each document about this many KB (default: a page of text, about 1 KB).")]
        public int DocumentKilobytes { get; init; }

        [CommandOption("--staff <EMAILS>")]
        [Description("The practice's staff e-mails, comma-separated (assignment notes are posted as messages from them); default: six made-up staff.")]
        public string? Staff { get; init; }

        [CommandOption("--seed <N>")]
        public int Seed { get; init; } = 1;
    }

    protected override async Task<int> RunAsync(Settings settings, CancellationToken cancellationToken)
    {
        var options = new SampleDataOptions(settings.Contacts, settings.Invoices, settings.Payments, settings.Projects, settings.Documents, settings.Seed,
            settings.Staff?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), settings.DocumentKilobytes);
        await SampleDataGenerator.GenerateAsync(settings.File, options, cancellationToken);
        Console.MarkupLineInterpolated($"[green]Created {Path.GetFullPath(settings.File)}[/]: {options.Contacts} contacts, {options.InvoiceCount} invoices, {options.PaymentCount} payments, {options.ProjectCount} projects, {options.DocumentCount} documents.");
        Console.MarkupLineInterpolated($"Sync it with: portal-sync run --data \"{settings.File}\"");
        return ExitCodes.Ok;
    }
}
