namespace Portal.Core.Crypto;

/// <summary>
/// Reads a plaintext stream and yields the encrypted blob (header, then records of 64 KiB; the last
/// record, possibly shorter or empty, carries the final flag). A pull stream, so any backend can
/// consume it the way it likes (copy to a file, cut into multipart parts) with two pooled buffers of
/// memory whatever the size. Counts the plaintext and hashes it (SHA-256) on the way.
/// </summary>
public sealed class EncryptingReadStream : RecordStream
{
    // One byte more than a record: reading it tells whether the record is the last (the extra byte is
    // carried over to the next record) without a second buffer.
    private const int InputSize = BlobRecordCipher.MaxRecordPlaintext + 1;

    private int _carried;
    private uint _counter;

    public EncryptingReadStream(Stream plaintext, BlobRecordCipher cipher, BlobHeader header, bool leaveOpen = false)
        : base(plaintext, cipher, InputSize, Math.Max(BlobHeader.Size, BlobRecordCipher.MaxRecordSize), leaveOpen)
    {
        header.Bytes.CopyTo(Buffers().Output);
        SetOutput(BlobHeader.Size);
    }

    private protected override void ProduceNext()
    {
        var wanted = InputSize - _carried;
        Seal(_carried + Source.ReadAtLeast(Buffers().Input.AsSpan(_carried, wanted), wanted, throwOnEndOfStream: false));
    }

    private protected override async ValueTask ProduceNextAsync(CancellationToken cancellationToken)
    {
        var wanted = InputSize - _carried;
        Seal(_carried + await Source.ReadAtLeastAsync(Buffers().Input.AsMemory(_carried, wanted), wanted, throwOnEndOfStream: false, cancellationToken));
    }

    /// <summary>Seals the next record from <paramref name="filled"/> buffered plaintext bytes.</summary>
    private void Seal(int filled)
    {
        var (plain, output) = Buffers();
        var last = filled <= BlobRecordCipher.MaxRecordPlaintext;
        var length = last ? filled : BlobRecordCipher.MaxRecordPlaintext;
        SetOutput(Cipher.Seal(_counter, last, plain.AsSpan(0, length), output));
        AppendPlaintext(plain.AsSpan(0, length));
        if (last)
        {
            Finish();
            return;
        }

        _counter = checked(_counter + 1);
        plain[0] = plain[BlobRecordCipher.MaxRecordPlaintext];
        _carried = 1;
    }
}
