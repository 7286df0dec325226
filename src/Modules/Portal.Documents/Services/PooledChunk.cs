using System.Buffers;
using System.Security.Cryptography;

namespace Portal.Documents.Services;

/// <summary>
/// A tus chunk held in memory while its checksum is checked, in an array from the shared pool: a
/// client sending 8 MiB chunks would otherwise cost a fresh large-object-heap array (and the copies
/// of a growing MemoryStream) on every PATCH. Dispose returns the array, cleared: it held file bytes.
/// The chunk's SHA-256 is computed while it arrives, so hashing overlaps with the network.
/// </summary>
public sealed class PooledChunk : IDisposable
{
    private const int UnknownLengthStart = 1024 * 1024;

    private byte[]? _array;

    private PooledChunk(byte[] array, int length, byte[] sha256)
    {
        _array = array;
        Length = length;
        Sha256 = sha256;
    }

    public int Length { get; }

    /// <summary>SHA-256 of the chunk.</summary>
    public byte[] Sha256 { get; }

    public ReadOnlySpan<byte> Span => (_array ?? throw new ObjectDisposedException(nameof(PooledChunk))).AsSpan(0, Length);

    /// <summary>Reads the whole body; null when it holds more than <paramref name="limit"/> bytes.</summary>
    public static async Task<PooledChunk?> ReadAsync(Stream body, long? contentLength, long limit, CancellationToken cancellationToken)
    {
        if (contentLength > limit)
        {
            return null;
        }

        var capacity = (int)Math.Min(limit + 1, contentLength is { } known ? known + 1 : UnknownLengthStart);
        var array = ArrayPool<byte>.Shared.Rent(Math.Max(capacity, 1));
        var filled = 0;
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        try
        {
            while (true)
            {
                if (filled == array.Length)
                {
                    // Never past the limit here: the check after each read has returned already.
                    var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min(limit + 1, (long)array.Length * 2));
                    array.AsSpan(0, filled).CopyTo(larger);
                    Return(array, filled);
                    array = larger;
                }

                var read = await body.ReadAsync(array.AsMemory(filled), cancellationToken);
                if (read == 0)
                {
                    break;
                }

                filled += read;
                if (filled > limit)
                {
                    Return(array, filled);
                    return null;
                }

                hash.AppendData(array, filled - read, read);
            }
        }
        catch
        {
            Return(array, filled);
            throw;
        }

        return new PooledChunk(array, filled, hash.GetHashAndReset());
    }

    public Stream AsStream() => new MemoryStream(_array ?? throw new ObjectDisposedException(nameof(PooledChunk)), 0, Length, writable: false);

    public void Dispose()
    {
        if (_array is { } array)
        {
            _array = null;
            Return(array, Length);
        }
    }

    private static void Return(byte[] array, int used)
    {
        array.AsSpan(0, Math.Min(used, array.Length)).Clear();
        ArrayPool<byte>.Shared.Return(array);
    }
}
