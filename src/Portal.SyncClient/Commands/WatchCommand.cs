using System.ComponentModel;
using PortalSync.Hosting;
using Spectre.Console;
using Spectre.Console.Cli;

namespace PortalSync.Commands;

/// <summary>
/// portal-sync watch --every 12h: a run now, then one every interval until stopped. The next run is a
/// wall-clock time (checked every minute), so a computer that slept runs as soon as it wakes past it
/// rather than a whole interval later; a run that failed on the way (network, portal down) is tried
/// again sooner, with a growing wait. Only a revoked connection ends the watch.
/// </summary>
internal sealed class WatchCommand(ClientEnvironment environment) : PortalSyncCommand<WatchCommand.Settings>(environment)
{
    private static readonly TimeSpan[] RetryWaits = [TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(30), TimeSpan.FromHours(1)];

    public sealed class Settings : CommandSettings
    {
        [CommandOption("--every <INTERVAL>")]
        [Description("How often to sync: 12h (the default), 30m, 1d…")]
        public string Every { get; init; } = "12h";

        [CommandOption("--data <PATH>")]
        [Description("The practice data: a SQLite data file, or a folder of CSV exports.")]
        public string? Data { get; init; }

        [CommandOption("--downloads <FOLDER>")]
        [Description("Where new client files go.")]
        public string? Downloads { get; init; }
    }

    protected override async Task<int> RunAsync(Settings settings, CancellationToken cancellationToken)
    {
        var every = Interval.Parse(settings.Every);
        var chosen = await SyncSession.ChooseAsync(Files, settings.Data, settings.Downloads, cancellationToken);
        var failures = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            var started = Environment.Clock.GetUtcNow();
            DateTimeOffset next;
            try
            {
                await SyncSession.RunAsync(Environment, Files, chosen, cancellationToken);
                failures = 0;
                next = started + every;
            }
            catch (ConnectionRevokedException)
            {
                throw;
            }
            catch (FatalException e)
            {
                next = Environment.Clock.GetUtcNow() + RetryWaits[Math.Min(failures++, RetryWaits.Length - 1)];
                if (next > started + every)
                {
                    next = started + every;
                }

                Console.MarkupLineInterpolated($"[yellow]{e.Message}[/]");
            }

            await SaveNextRunAsync(next, cancellationToken);
            Console.MarkupLineInterpolated($"Next sync at {next.ToLocalTime():yyyy-MM-dd HH:mm} (Ctrl+C to stop).");
            while (Environment.Clock.GetUtcNow() < next)
            {
                var left = next - Environment.Clock.GetUtcNow();
                await Task.Delay(left < TimeSpan.FromMinutes(1) ? left : TimeSpan.FromMinutes(1), Environment.Clock, cancellationToken);
            }
        }

        return ExitCodes.Ok;
    }

    private async Task SaveNextRunAsync(DateTimeOffset next, CancellationToken cancellationToken)
    {
        var connection = await Files.RequireConnectionAsync(cancellationToken);
        var state = await Files.ReadStateAsync(connection.Portal, cancellationToken);
        state.NextRun = next;
        await Files.SaveStateAsync(state, cancellationToken);
    }
}
