using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace Portal.Core.Storage;

/// <summary>
/// The SHA-256 of each staged upload's plaintext so far, carried from one append to the next in
/// this process, so completing an upload need not decrypt the whole staged file again only to hash
/// it (each byte is hashed for the file once, as it is sealed). A hash is kept only while it covers
/// exactly the staged file's complete records (same header, same plaintext length); anything else
/// (a restart, another server's append, a crash that cut a record off) drops it, and completion
/// falls back to decrypting and hashing the staged file. Singleton; bounded.
/// </summary>
public sealed class StagedUploadHashes
{
    /// <summary>Uploads in progress whose hash is carried; past this, completion decrypts as before.</summary>
    private const int MaxCarried = 10_000;

    private readonly ConcurrentDictionary<string, StagedHash> _hashes = new(StringComparer.Ordinal);

    /// <summary>Removes and returns the hash of the staged file, when it covers exactly these records.</summary>
    internal StagedHash? Take(string file, ReadOnlySpan<byte> header, long plainLength)
    {
        if (!_hashes.TryRemove(file, out var hash))
        {
            return null;
        }

        if (hash.Covers(header, plainLength))
        {
            return hash;
        }

        hash.Dispose();
        return null;
    }

    /// <summary>Keeps the hash for the next append (or is disposed when too many are carried).</summary>
    internal void Put(string file, StagedHash hash)
    {
        if (_hashes.Count >= MaxCarried || !_hashes.TryAdd(file, hash))
        {
            hash.Dispose();
        }
    }

    internal void Forget(string file)
    {
        if (_hashes.TryRemove(file, out var hash))
        {
            hash.Dispose();
        }
    }
}

/// <summary>The running SHA-256 of a staged file's plaintext, and which file and length it covers.</summary>
internal sealed class StagedHash(byte[] header) : IDisposable
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

    public long PlainLength { get; private set; }

    /// <summary>True once it may no longer match the disk (a failed write, an undone append): it is then dropped.</summary>
    public bool Spoiled { get; private set; }

    public void Spoil() => Spoiled = true;

    public bool Covers(ReadOnlySpan<byte> stagedHeader, long plainLength) => plainLength == PlainLength && stagedHeader.SequenceEqual(header);

    public void Append(ReadOnlySpan<byte> plaintext)
    {
        _hash.AppendData(plaintext);
        PlainLength += plaintext.Length;
    }

    /// <summary>Lower-case hex of the hash; the object is finished afterwards.</summary>
    public string Finish() => Convert.ToHexStringLower(_hash.GetHashAndReset());

    public void Dispose() => _hash.Dispose();
}
