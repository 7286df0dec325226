using System.Buffers.Binary;
using System.Security.Cryptography;
using Portal.Core.Storage;

namespace Portal.Core.Crypto;

/// <summary>
/// The 16 bytes at the start of every encrypted blob: magic "PBLB" (4), format version (1), data-key
/// version (4, big-endian), random nonce prefix (7). See docs/storage-and-encryption.md.
/// </summary>
public sealed class BlobHeader
{
    public const int Size = 16;
    public const byte CurrentFormat = 1;
    public const int NoncePrefixSize = 7;

    private static ReadOnlySpan<byte> Magic => "PBLB"u8;

    private readonly byte[] _bytes;

    private BlobHeader(byte[] bytes) => _bytes = bytes;

    public int DataKeyVersion => BinaryPrimitives.ReadInt32BigEndian(_bytes.AsSpan(5, 4));

    public ReadOnlySpan<byte> NoncePrefix => _bytes.AsSpan(9, NoncePrefixSize);

    public ReadOnlySpan<byte> Bytes => _bytes;

    /// <summary>A header for a new blob, with a fresh random nonce prefix.</summary>
    public static BlobHeader Create(int dataKeyVersion)
    {
        var bytes = new byte[Size];
        Magic.CopyTo(bytes);
        bytes[4] = CurrentFormat;
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(5, 4), dataKeyVersion);
        RandomNumberGenerator.Fill(bytes.AsSpan(9, NoncePrefixSize));
        return new BlobHeader(bytes);
    }

    /// <summary>Parses a header; throws <see cref="BlobIntegrityException"/> when the bytes are not one.</summary>
    public static BlobHeader Parse(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < Size || !bytes[..4].SequenceEqual(Magic))
        {
            throw new BlobIntegrityException("The stored blob does not start with a Portal encryption header.");
        }

        if (bytes[4] != CurrentFormat)
        {
            throw new BlobIntegrityException($"The stored blob has format version {bytes[4]}, which this version of the portal does not read.");
        }

        var header = new BlobHeader(bytes[..Size].ToArray());
        if (header.DataKeyVersion < 1)
        {
            throw new BlobIntegrityException("The stored blob names an invalid data-key version.");
        }

        return header;
    }

    /// <summary>Reads and parses the header at the stream's current position.</summary>
    public static async Task<BlobHeader> ReadAsync(Stream stream, CancellationToken cancellationToken)
    {
        var bytes = new byte[Size];
        var read = await stream.ReadAtLeastAsync(bytes, Size, throwOnEndOfStream: false, cancellationToken);
        if (read < Size)
        {
            throw new BlobIntegrityException("The stored blob is truncated: it ends inside its header.");
        }

        return Parse(bytes);
    }
}
