using System.Globalization;
using PortalSync.Api;
using PortalSync.Hosting;
using Spectre.Console;
using Spectre.Console.Cli;

namespace PortalSync.Commands;

/// <summary>portal-sync status: the portal, who approved, the last run and its counts, the next run; checks the connection still works.</summary>
internal sealed class StatusCommand(ClientEnvironment environment) : PortalSyncCommand<StatusCommand.Settings>(environment)
{
    public sealed class Settings : CommandSettings;

    protected override async Task<int> RunAsync(Settings settings, CancellationToken cancellationToken)
    {
        var connection = await Files.RequireConnectionAsync(cancellationToken);
        var state = await Files.ReadStateAsync(connection.Portal, cancellationToken);
        var chosen = await Files.ReadSettingsAsync(cancellationToken);
        var grid = new Grid().AddColumn().AddColumn();
        grid.AddRow("Portal", Markup.Escape($"{connection.PracticeName} ({connection.Portal})"));
        grid.AddRow("Approved by", Markup.Escape($"{connection.ApprovedBy ?? "?"} on {connection.ConnectedAt.ToLocalTime():yyyy-MM-dd HH:mm}, for {connection.DeviceName}"));
        grid.AddRow("Practice data", Markup.Escape(chosen.DataPath ?? "not chosen yet (portal-sync run --data <path>)"));
        grid.AddRow("New client files go to", Markup.Escape(chosen.DownloadsFolder ?? "-"));
        if (state.LastRun is { } last)
        {
            var counts = string.Join(", ", last.Counts.Select(k => $"{k.Key}: " + string.Join(" ", k.Value.Select(o => $"{o.Value} {o.Key}"))));
            grid.AddRow("Last run", Markup.Escape($"{last.StartedAt.ToLocalTime():yyyy-MM-dd HH:mm} ({(last.Completed ? "finished" : "stopped before the end")}; {last.Errors} row error(s))"));
            grid.AddRow("Moved", Markup.Escape(counts.Length > 0 ? counts : "nothing"));
            grid.AddRow("Pulled", Markup.Escape($"{last.Downloaded} new file(s), {last.WrittenBack} record(s) written back"));
        }
        else
        {
            grid.AddRow("Last run", "never");
        }

        grid.AddRow("In the portal", Markup.Escape(string.Join(", ", state.Hashes.Select(k => $"{k.Value.Count} {k.Key}"))));
        grid.AddRow("Next run", Markup.Escape(state.NextRun is { } next ? next.ToLocalTime().ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : "when you run portal-sync run (or watch)"));
        Console.Write(grid);

        var (api, http) = await ConnectedApi.OpenAsync(Environment, Files, cancellationToken);
        using (http)
        using (api)
        {
            var me = await api.GetJsonAsync<WhoAmI>("api/v1/whoami", cancellationToken);
            Console.MarkupLineInterpolated($"[green]Connected[/] to {me.Practice} as {me.Name}.");
        }

        return ExitCodes.Ok;
    }
}
