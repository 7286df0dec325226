using System.Security.Cryptography;
using PortalSync.Api;
using PortalSync.Planning;

namespace PortalSync.Running;

/// <summary>
/// "Check for New Files": downloads client uploads into {folder}/{client}/{portal folder}/, each into a
/// temporary file that is renamed only once its length and sha256 match, then marks them downloaded.
/// A file already there with the same content is not written twice (a run stopped before marking).
/// </summary>
internal sealed class NewFilesPuller(PortalApi api, string downloadsFolder, RunTally tally)
{
    private const int PageSize = 200;

    public async Task PullAsync(CancellationToken cancellationToken)
    {
        for (var round = 0; round < 1000; round++)
        {
            var page = await api.GetJsonAsync<NewDocuments>($"api/v1/documents/new?limit={PageSize}", cancellationToken);
            if (page.Items.Count == 0)
            {
                return;
            }

            var done = new List<string>();
            foreach (var document in page.Items)
            {
                if (await DownloadAsync(document, cancellationToken))
                {
                    done.Add(document.VersionId);
                }
            }

            if (done.Count > 0)
            {
                await api.PostJsonAsync<DownloadedResult>("api/v1/documents/downloaded", new DownloadedRequest(done), cancellationToken);
            }

            if (done.Count < page.Items.Count || page.Items.Count < PageSize)
            {
                return;
            }
        }
    }

    private async Task<bool> DownloadAsync(NewDocument document, CancellationToken cancellationToken)
    {
        var folder = SafeNames.Folder(downloadsFolder, document.ClientExternalId ?? document.ClientId, document.Folder);
        Directory.CreateDirectory(folder);
        var name = SafeNames.Segment(document.FileName, "file");
        var temporary = Path.Combine(folder, $".{name}.{Guid.NewGuid():N}.part");
        try
        {
            string sha;
            long length;
            using (var response = await api.SendAsync(() => new HttpRequestMessage(HttpMethod.Get, api.Resolve($"api/v1/documents/versions/{Uri.EscapeDataString(document.VersionId)}/content")), cancellationToken))
            {
                if (!response.IsSuccessStatusCode)
                {
                    tally.AddError(new RowError("downloads", document.FileName, null, "download-failed", await ProblemText.OfAsync(response, cancellationToken)));
                    return false;
                }

                using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
                await using (var output = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true))
                await using (var input = await response.Content.ReadAsStreamAsync(cancellationToken))
                {
                    var buffer = new byte[1 << 16];
                    int read;
                    while ((read = await input.ReadAsync(buffer, cancellationToken)) > 0)
                    {
                        hash.AppendData(buffer, 0, read);
                        await output.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                    }

                    output.Flush(flushToDisk: true);
                    length = output.Length;
                }

                sha = Convert.ToHexStringLower(hash.GetHashAndReset());
            }

            if (length != document.Length || (document.Sha256 is { Length: > 0 } expected && !string.Equals(expected, sha, StringComparison.OrdinalIgnoreCase)))
            {
                tally.AddError(new RowError("downloads", document.FileName, null, "download-damaged", "The file arrived damaged (its length or sha256 differs); the next run downloads it again."));
                return false;
            }

            var target = await FreeNameAsync(folder, name, sha, cancellationToken);
            if (target is not null)
            {
                File.Move(temporary, target);
            }

            tally.Downloaded++;
            return true;
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <returns>Where to put the file, or null when the same content is already there.</returns>
    private static async Task<string?> FreeNameAsync(string folder, string name, string sha, CancellationToken cancellationToken)
    {
        var stem = Path.GetFileNameWithoutExtension(name);
        var extension = Path.GetExtension(name);
        for (var n = 1; ; n++)
        {
            var candidate = Path.Combine(folder, n == 1 ? name : $"{stem} ({n}){extension}");
            if (!File.Exists(candidate))
            {
                return candidate;
            }

            await using var existing = File.OpenRead(candidate);
            if (Convert.ToHexStringLower(await SHA256.HashDataAsync(existing, cancellationToken)) == sha)
            {
                return null;
            }
        }
    }
}
