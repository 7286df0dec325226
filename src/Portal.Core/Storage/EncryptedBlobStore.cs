using System.Runtime.CompilerServices;
using Microsoft.Extensions.Options;
using Portal.Core.Crypto;
using Portal.Core.Data;
using Portal.Core.Tenancy;

namespace Portal.Core.Storage;

/// <summary>
/// The only way modules store files: everything is encrypted with the current practice's data key
/// before it reaches the backend, and authenticated while it is read back (see
/// docs/storage-and-encryption.md). Scoped: the practice comes from <see cref="TenantContext"/>, so a
/// request can only reach its own practice's blobs. Streams end to end: memory does not grow with
/// the file. Keys come from <see cref="NewBlobKey"/>, never from a user's file name.
/// </summary>
public sealed class EncryptedBlobStore(
    TenantContext tenant,
    DataKeyStore dataKeys,
    IBlobBackend backend,
    IOptions<StorageOptions> options,
    DatabaseLayout layout,
    StagedUploadHashes stagedHashes)
{
    /// <summary>A new server-generated blob key (Guid v7, 32 hex digits: unique, sortable by creation).</summary>
#pragma warning disable CA1822 // an instance member so callers need nothing but the injected store
    public string NewBlobKey() => Guid.CreateVersion7().ToString("N");
#pragma warning restore CA1822

    /// <summary>
    /// Encrypts <paramref name="plaintext"/> (read to its end) into the blob <paramref name="blobKey"/>,
    /// replacing any previous content atomically. Returns the plaintext length and SHA-256 to record
    /// with the file. Throws <see cref="EncryptionKeyUnavailableException"/> before writing anything
    /// when no master key is available.
    /// </summary>
    public async Task<StoredBlob> WriteAsync(string blobKey, Stream plaintext, CancellationToken cancellationToken)
    {
        var path = PathFor(blobKey);
        var key = await dataKeys.GetCurrentAsync(cancellationToken);
        var header = BlobHeader.Create(key.Version);
        await using var encrypting = new EncryptingReadStream(plaintext, new BlobRecordCipher(key, header, path.Practice, path.Key), header, leaveOpen: true);
        await backend.WriteAsync(path, encrypting, cancellationToken);
        if (!encrypting.IsComplete)
        {
            // A backend that stopped reading early would have stored a blob without its final record.
            await backend.DeleteAsync(path, CancellationToken.None);
            throw new InvalidOperationException("The storage backend did not read the whole blob.");
        }

        return new StoredBlob(encrypting.PlaintextLength, encrypting.Sha256);
    }

    /// <summary>
    /// Opens the blob for reading as plaintext, decrypted and authenticated record by record while it is
    /// read. With <paramref name="expectedSha256"/>, the stream throws <see cref="BlobIntegrityException"/>
    /// at its end when the content differs. Throws <see cref="BlobNotFoundException"/> when there is no
    /// such blob and <see cref="EncryptionKeyUnavailableException"/> when its key cannot be unwrapped.
    /// </summary>
    public async Task<Stream> OpenReadAsync(string blobKey, string? expectedSha256, CancellationToken cancellationToken)
    {
        var path = PathFor(blobKey);
        if (expectedSha256 is not null && (expectedSha256.Length != 64 || !expectedSha256.All(Uri.IsHexDigit)))
        {
            throw new ArgumentException("The expected SHA-256 must be 64 hex digits.", nameof(expectedSha256));
        }

        var stored = await backend.OpenReadAsync(path, cancellationToken);
        try
        {
            var cipher = await CipherForAsync(await BlobHeader.ReadAsync(stored, cancellationToken), path, dataKeys, cancellationToken);
            return new DecryptingReadStream(stored, cipher, expectedSha256);
        }
        catch
        {
            await stored.DisposeAsync();
            throw;
        }
    }

    public Task DeleteAsync(string blobKey, CancellationToken cancellationToken) => backend.DeleteAsync(PathFor(blobKey), cancellationToken);

    public Task<bool> ExistsAsync(string blobKey, CancellationToken cancellationToken) => backend.ExistsAsync(PathFor(blobKey), cancellationToken);

    /// <summary>Every blob key of the current practice (for the orphan sweeper: keys no row refers to).</summary>
    public async IAsyncEnumerable<string> ListKeysAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var key in backend.ListKeysAsync(tenant.Tenant.Name, cancellationToken))
        {
            yield return key;
        }
    }

    /// <summary>
    /// A resumable upload of <paramref name="totalLength"/> bytes into <paramref name="blobKey"/>, staged
    /// encrypted under <c>{staging}/{practice}/{uploadId}</c>. Nothing is read or created until the
    /// staging's methods are called; the caller keeps <paramref name="blobKey"/> and
    /// <paramref name="totalLength"/> with its upload record and passes the same values every time.
    /// </summary>
    public EncryptedStaging OpenStaging(string uploadId, string blobKey, long totalLength)
    {
        if (!BlobPath.IsValidKey(uploadId))
        {
            throw new ArgumentException("An upload id has the shape of a blob key (lower-case letters, digits, '-', '_').", nameof(uploadId));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(totalLength);
        var path = PathFor(blobKey);
        var root = Path.GetFullPath(options.Value.StagingPath ?? "uploads", layout.DataPath);
        return new EncryptedStaging(Path.Combine(root, path.Practice, uploadId), path, totalLength, dataKeys, backend, stagedHashes);
    }

    /// <summary>Prepares the cipher of a blob from its header: the data key the header names, bound to the blob's path.</summary>
    internal static async Task<BlobRecordCipher> CipherForAsync(BlobHeader header, BlobPath path, DataKeyStore dataKeys, CancellationToken cancellationToken)
    {
        var key = await dataKeys.FindAsync(header.DataKeyVersion, cancellationToken)
            ?? throw new BlobIntegrityException($"The blob names data-key version {header.DataKeyVersion}, which this practice does not have.");
        return new BlobRecordCipher(key, header, path.Practice, path.Key);
    }

    private BlobPath PathFor(string blobKey) => BlobPath.Create(tenant.Tenant.Name, blobKey);
}
