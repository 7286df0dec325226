using System.Security.Cryptography;
using PortalSync.Storage;

namespace PortalSync.Planning;

/// <summary>The sha256 of a document's file, read again only when its length or write time changed.</summary>
internal sealed class FileHasher(SyncState state)
{
    public async Task<(string Sha256, long Length)> HashAsync(string path, CancellationToken cancellationToken)
    {
        var info = new FileInfo(path);
        if (state.Files.TryGetValue(path, out var known) && known.Length == info.Length && known.LastWriteUtc == info.LastWriteTimeUtc)
        {
            return (known.Sha256, known.Length);
        }

        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true);
        var sha = Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken));
        state.Files[path] = new FileFingerprint(info.Length, info.LastWriteTimeUtc, sha);
        return (sha, info.Length);
    }
}
