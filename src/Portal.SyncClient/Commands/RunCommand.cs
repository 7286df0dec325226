using System.ComponentModel;
using PortalSync.Hosting;
using Spectre.Console.Cli;

namespace PortalSync.Commands;

/// <summary>portal-sync run: one sync now. Rows the portal refused are listed; only a fatal problem is a non-zero exit.</summary>
internal sealed class RunCommand(ClientEnvironment environment) : PortalSyncCommand<RunCommand.Settings>(environment)
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--data <PATH>")]
        [Description("The practice data: a SQLite data file, or a folder of CSV exports (remembered for the next runs).")]
        public string? Data { get; init; }

        [CommandOption("--downloads <FOLDER>")]
        [Description("Where new client files go, one folder per client (default: \"Portal downloads\" next to the data).")]
        public string? Downloads { get; init; }
    }

    protected override async Task<int> RunAsync(Settings settings, CancellationToken cancellationToken)
    {
        var chosen = await SyncSession.ChooseAsync(Files, settings.Data, settings.Downloads, cancellationToken);
        await SyncSession.RunAsync(Environment, Files, chosen, cancellationToken);
        return ExitCodes.Ok;
    }
}
