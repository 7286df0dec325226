using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Portal.Core.Crypto;

/// <summary>
/// Seals and opens the records of one blob (the STREAM construction, as in age): AES-256-GCM with
/// nonce = header prefix (7) || record counter (4, big-endian) || last flag (1), so records cannot be
/// reordered, dropped, duplicated or appended after the final one without failing authentication.
/// <para>
/// The key is derived per blob with HKDF from the practice's data key, salted with the header and
/// bound to the practice and blob key: the 7-byte random prefix alone would make nonce collisions
/// between millions of files under one data key merely unlikely, a per-blob key makes them harmless.
/// The associated data names the practice, the blob key, the data-key version and the header, so a
/// record moved between blobs or practices never authenticates.
/// </para>
/// </summary>
public sealed class BlobRecordCipher : IDisposable
{
    /// <summary>Largest plaintext in one record (64 KiB, as in age).</summary>
    public const int MaxRecordPlaintext = 64 * 1024;
    public const int TagSize = 16;
    public const int LengthSize = 4;

    /// <summary>Largest stored record: length prefix, ciphertext, tag.</summary>
    public const int MaxRecordSize = LengthSize + MaxRecordPlaintext + TagSize;

    private readonly AesGcm _aes;
    private readonly byte[] _associatedData;
    private readonly byte[] _nonce = new byte[12];

    public BlobRecordCipher(DataKey dataKey, BlobHeader header, string practice, string blobKey)
    {
        if (header.DataKeyVersion != dataKey.Version)
        {
            throw new ArgumentException("The data key does not have the version the header names.", nameof(dataKey));
        }

        var context = Encoding.UTF8.GetBytes($"portal-blob-v1\n{practice}\n{blobKey}\n{dataKey.Version}");
        _associatedData = [.. header.Bytes, .. context];
        var fileKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, dataKey.Key, 32, salt: header.Bytes.ToArray(), info: context);
        try
        {
            _aes = new AesGcm(fileKey, TagSize);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(fileKey);
        }

        header.NoncePrefix.CopyTo(_nonce);
    }

    /// <summary>Writes length || ciphertext || tag of one record into <paramref name="record"/>; returns its size.</summary>
    public int Seal(uint counter, bool last, ReadOnlySpan<byte> plaintext, Span<byte> record)
    {
        if (plaintext.Length > MaxRecordPlaintext)
        {
            throw new ArgumentOutOfRangeException(nameof(plaintext), "A record holds at most 64 KiB.");
        }

        BinaryPrimitives.WriteInt32BigEndian(record, plaintext.Length);
        SetNonce(counter, last);
        _aes.Encrypt(_nonce, plaintext, record.Slice(LengthSize, plaintext.Length), record.Slice(LengthSize + plaintext.Length, TagSize), _associatedData);
        return LengthSize + plaintext.Length + TagSize;
    }

    /// <summary>Opens a record's ciphertext || tag; false when it does not authenticate as record <paramref name="counter"/> with that flag.</summary>
    public bool TryOpen(uint counter, bool last, ReadOnlySpan<byte> ciphertextAndTag, Span<byte> plaintext)
    {
        var length = ciphertextAndTag.Length - TagSize;
        SetNonce(counter, last);
        try
        {
            _aes.Decrypt(_nonce, ciphertextAndTag[..length], ciphertextAndTag[length..], plaintext[..length], _associatedData);
            return true;
        }
        catch (AuthenticationTagMismatchException)
        {
            return false;
        }
    }

    public void Dispose() => _aes.Dispose();

    private void SetNonce(uint counter, bool last)
    {
        BinaryPrimitives.WriteUInt32BigEndian(_nonce.AsSpan(BlobHeader.NoncePrefixSize, 4), counter);
        _nonce[11] = last ? (byte)1 : (byte)0;
    }
}
