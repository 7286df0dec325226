using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Portal.Core.Data;

namespace Portal.Core.Storage;

/// <summary>
/// Blobs as files: <c>{root}/{practice}/{shard}/{key}</c>, where the shard (two hex digits of the key's
/// SHA-256) keeps folders small even with millions of files (Guid v7 keys share their leading digits
/// for hours, so the key's own prefix would not spread them). A write goes to <c>{root}/.tmp</c>, is
/// flushed to disk and renamed into place, so a crash leaves the old file or the new one, never half.
/// </summary>
public sealed class FileSystemBlobBackend : IBlobBackend
{
    /// <summary>Temporary files older than this are left by a crash and removed on the first write.</summary>
    public static readonly TimeSpan StaleTemporaryAge = TimeSpan.FromDays(1);

    private readonly string _temporary;
    private int _swept;

    public FileSystemBlobBackend(IOptions<StorageOptions> options, DatabaseLayout layout)
        : this(Path.GetFullPath(options.Value.FileSystem.Root ?? "blobs", layout.DataPath))
    {
    }

    public FileSystemBlobBackend(string root)
    {
        Root = root;
        _temporary = Path.Combine(root, ".tmp");
    }

    public string Root { get; }

    /// <summary>The file that holds a blob (for tests and operators; callers go through the interface).</summary>
    public string FilePath(BlobPath path) => Path.Combine(Root, path.Practice, Shard(path.Key), path.Key);

    public async Task WriteAsync(BlobPath path, Stream content, CancellationToken cancellationToken)
    {
        var temporary = NewTemporaryFile();
        try
        {
            await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 0, FileOptions.Asynchronous))
            {
                await content.CopyToAsync(file, 128 * 1024, cancellationToken);
                file.Flush(flushToDisk: true);
            }

            Publish(temporary, path);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }

    public Task ImportAsync(BlobPath path, string localFile, CancellationToken cancellationToken)
    {
        var temporary = NewTemporaryFile();
        try
        {
            // A rename on the same volume; across volumes File.Move copies, so flush the copy before publishing.
            File.Move(localFile, temporary);
            using (var file = new FileStream(temporary, FileMode.Open, FileAccess.ReadWrite, FileShare.None, bufferSize: 0))
            {
                file.Flush(flushToDisk: true);
            }

            Publish(temporary, path);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }

        return Task.CompletedTask;
    }

    public Task<Stream> OpenReadAsync(BlobPath path, CancellationToken cancellationToken)
    {
        try
        {
            Stream stream = new FileStream(FilePath(path), FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, bufferSize: 4096, FileOptions.Asynchronous | FileOptions.SequentialScan);
            return Task.FromResult(stream);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new BlobNotFoundException(path.Key, ex);
        }
    }

    public Task DeleteAsync(BlobPath path, CancellationToken cancellationToken)
    {
        try
        {
            File.Delete(FilePath(path));
        }
        catch (DirectoryNotFoundException)
        {
            // Nothing was ever stored in that shard.
        }

        return Task.CompletedTask;
    }

    public Task<bool> ExistsAsync(BlobPath path, CancellationToken cancellationToken) => Task.FromResult(File.Exists(FilePath(path)));

    public async IAsyncEnumerable<string> ListKeysAsync(string practice, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        _ = BlobPath.Create(practice, "probe");
        var folder = Path.Combine(Root, practice);
        if (!Directory.Exists(folder))
        {
            yield break;
        }

        foreach (var shard in Directory.EnumerateDirectories(folder))
        {
            foreach (var file in Directory.EnumerateFiles(shard))
            {
                cancellationToken.ThrowIfCancellationRequested();
                var key = Path.GetFileName(file);
                if (BlobPath.IsValidKey(key))
                {
                    yield return key;
                }
            }

            await Task.Yield();
        }
    }

    private static string Shard(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)).AsSpan(0, 1));

    private string NewTemporaryFile()
    {
        Directory.CreateDirectory(_temporary);
        if (Interlocked.Exchange(ref _swept, 1) == 0)
        {
            SweepStaleTemporaryFiles();
        }

        return Path.Combine(_temporary, Guid.NewGuid().ToString("N"));
    }

    private void Publish(string temporary, BlobPath path)
    {
        var target = FilePath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Move(temporary, target, overwrite: true);
    }

    private void SweepStaleTemporaryFiles()
    {
        var cutoff = DateTime.UtcNow - StaleTemporaryAge;
        foreach (var file in new DirectoryInfo(_temporary).EnumerateFiles())
        {
            if (file.LastWriteTimeUtc < cutoff)
            {
                try
                {
                    file.Delete();
                }
                catch (IOException)
                {
                    // In use after all, or already gone: the next start tries again.
                }
            }
        }
    }
}
