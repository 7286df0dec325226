namespace PortalSync.Data;

/// <summary>Picks the adapter for a path: a folder is CSV exports, a file is a SQLite data file.</summary>
internal static class PracticeDataSources
{
    public static async Task<IPracticeDataSource> OpenAsync(string path, CancellationToken cancellationToken)
        => Directory.Exists(path) ? CsvPracticeData.Open(path) : await SqlitePracticeData.OpenAsync(path, cancellationToken);
}
