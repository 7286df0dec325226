using PortalSync.Data;
using PortalSync.Hosting;
using PortalSync.Running;
using PortalSync.Storage;

namespace PortalSync.Commands;

/// <summary>One run as run and watch do it: the data and downloads folder chosen (and remembered), the sync, the report.</summary>
internal static class SyncSession
{
    public static async Task<ClientSettings> ChooseAsync(ClientFiles files, string? data, string? downloads, CancellationToken cancellationToken)
    {
        var saved = await files.ReadSettingsAsync(cancellationToken);
        var dataPath = data is not null ? Path.GetFullPath(data) : saved.DataPath
            ?? throw new FatalException("Which practice data? Run portal-sync run --data <data file or folder of CSV exports> (it is remembered).");
        var folder = downloads is not null ? Path.GetFullPath(downloads)
            : data is null && saved.DownloadsFolder is not null ? saved.DownloadsFolder
            : Path.Combine(Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(dataPath))!, "Portal downloads");
        var chosen = new ClientSettings { DataPath = dataPath, DownloadsFolder = folder };
        if (chosen != saved)
        {
            await files.SaveSettingsAsync(chosen, cancellationToken);
        }

        return chosen;
    }

    public static async Task<RunTally> RunAsync(ClientEnvironment environment, ClientFiles files, ClientSettings settings, CancellationToken cancellationToken)
    {
        var (api, http) = await ConnectedApi.OpenAsync(environment, files, cancellationToken);
        using (http)
        using (api)
        {
            await using var source = await PracticeDataSources.OpenAsync(settings.DataPath!, cancellationToken);
            var tally = await new SyncRunner(environment.Console, api, files, environment.Clock).RunAsync(source, settings.DownloadsFolder!, cancellationToken);
            RunReport.Write(environment.Console, tally);
            return tally;
        }
    }
}
