using System.Buffers;
using System.Buffers.Binary;
using System.Security.Cryptography;
using Portal.Core.Storage;

namespace Portal.Core.Crypto;

/// <summary>
/// Reads an encrypted blob (positioned after its header) and yields the plaintext, one record at a
/// time, with two pooled buffers whatever the size. Every record is authenticated before any of its
/// bytes are returned; anything wrong (tampering, reordering, truncation, data after the final record,
/// a SHA-256 other than the expected one) throws <see cref="BlobIntegrityException"/>.
/// </summary>
public sealed class DecryptingReadStream : RecordStream
{
    private const int NoRecord = -1;

    // A record's ciphertext and tag, followed by the next record's length prefix: reading the prefix
    // ahead is what tells whether this record must be the final one.
    private const int InputSize = BlobRecordCipher.MaxRecordPlaintext + BlobRecordCipher.TagSize + BlobRecordCipher.LengthSize;

    private readonly string? _expectedSha256;
    private int _nextLength = NoRecord;
    private bool _started;
    private uint _counter;

    /// <param name="expectedSha256">Hex SHA-256 of the plaintext, checked when the final record is read; null to skip.</param>
    public DecryptingReadStream(Stream ciphertext, BlobRecordCipher cipher, string? expectedSha256, bool leaveOpen = false)
        : base(ciphertext, cipher, InputSize, BlobRecordCipher.MaxRecordPlaintext, leaveOpen)
        => _expectedSha256 = expectedSha256?.ToLowerInvariant();

    private protected override void ProduceNext()
    {
        if (!_started)
        {
            var prefix = Buffers().Input.AsSpan(0, BlobRecordCipher.LengthSize);
            _nextLength = ReadLength(prefix[..Source.ReadAtLeast(prefix, prefix.Length, throwOnEndOfStream: false)]);
            _started = true;
        }

        var length = CheckLength();
        var record = Buffers().Input.AsSpan(0, length + BlobRecordCipher.TagSize + BlobRecordCipher.LengthSize);
        OpenRecord(length, Source.ReadAtLeast(record, record.Length, throwOnEndOfStream: false));
    }

    private protected override async ValueTask ProduceNextAsync(CancellationToken cancellationToken)
    {
        if (!_started)
        {
            var prefix = Buffers().Input.AsMemory(0, BlobRecordCipher.LengthSize);
            var read = await Source.ReadAtLeastAsync(prefix, prefix.Length, throwOnEndOfStream: false, cancellationToken);
            _nextLength = ReadLength(prefix.Span[..read]);
            _started = true;
        }

        var length = CheckLength();
        var record = Buffers().Input.AsMemory(0, length + BlobRecordCipher.TagSize + BlobRecordCipher.LengthSize);
        OpenRecord(length, await Source.ReadAtLeastAsync(record, record.Length, throwOnEndOfStream: false, cancellationToken));
    }

    /// <summary>
    /// Copies the plaintext in batches of whole records, three things at once: the next batch is read
    /// and decrypted (every record authenticated) while the previous one is hashed on another thread
    /// and written. The batch that holds the final record is hashed, the SHA-256 checked, and only
    /// then written, so with a wrong hash none of it is released. A stream already read from copies
    /// as any stream does.
    /// </summary>
    public override async Task CopyToAsync(Stream destination, int bufferSize, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(destination);
        if (_started)
        {
            await base.CopyToAsync(destination, bufferSize, cancellationToken);
            return;
        }

        HashingDeferred = true;
        var size = Math.Max(bufferSize, BlobRecordCipher.MaxRecordPlaintext);
        byte[][] batches = [ArrayPool<byte>.Shared.Rent(size), ArrayPool<byte>.Shared.Rent(size)];
        var hashing = Task.CompletedTask;
        var writing = Task.CompletedTask;
        try
        {
            for (var next = 0; ; next ^= 1)
            {
                var batch = batches[next];
                var filled = await ReadAsync(batch.AsMemory(0, size), cancellationToken);
                await hashing;
                await writing;
                if (Finished && !IsComplete)
                {
                    // Batches hold whole records, so the final one is never split; if it were, part of it would go out unchecked.
                    throw new InvalidOperationException("The final record did not fit its batch.");
                }

                if (IsComplete)
                {
                    HashPlaintext(batch.AsSpan(0, filled));
                    CheckSha256(FinishHash(), () => CryptographicOperations.ZeroMemory(batch));
                    if (filled > 0)
                    {
                        await destination.WriteAsync(batch.AsMemory(0, filled), cancellationToken);
                    }

                    return;
                }

                hashing = Task.Run(() => HashPlaintext(batch.AsSpan(0, filled)), CancellationToken.None);
                writing = destination.WriteAsync(batch.AsMemory(0, filled), cancellationToken).AsTask();
            }
        }
        finally
        {
            // A failure must not hand a batch back to the pool while it is still hashed or written.
            await Task.WhenAll(hashing, writing).ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            foreach (var batch in batches)
            {
                CryptographicOperations.ZeroMemory(batch);
                ArrayPool<byte>.Shared.Return(batch);
            }
        }
    }

    private void CheckSha256(string sha256, Action withhold)
    {
        if (_expectedSha256 is not null && sha256 != _expectedSha256)
        {
            withhold();
            throw new BlobIntegrityException($"The blob's SHA-256 is {sha256}, not the expected {_expectedSha256}.");
        }
    }

    private static int ReadLength(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length == 0)
        {
            throw new BlobIntegrityException("The stored blob is truncated: it has no records.");
        }

        if (bytes.Length < BlobRecordCipher.LengthSize)
        {
            throw new BlobIntegrityException("The stored blob is truncated inside a record's length.");
        }

        return BinaryPrimitives.ReadInt32BigEndian(bytes);
    }

    private int CheckLength()
    {
        if (_nextLength is < 0 or > BlobRecordCipher.MaxRecordPlaintext)
        {
            throw new BlobIntegrityException($"Record {_counter} of the stored blob has an impossible length.");
        }

        return _nextLength;
    }

    /// <summary>
    /// Authenticates the record now in the buffer (<paramref name="read"/> bytes: ciphertext, tag and, unless
    /// the stream ended, the next length prefix). Only the final record may be followed by the end.
    /// </summary>
    private void OpenRecord(int length, int read)
    {
        var (record, plain) = Buffers();
        var sealedSize = length + BlobRecordCipher.TagSize;
        if (read < sealedSize)
        {
            throw new BlobIntegrityException($"The stored blob is truncated inside record {_counter}.");
        }

        var extra = read - sealedSize;
        if (extra is > 0 and < BlobRecordCipher.LengthSize)
        {
            throw new BlobIntegrityException($"The stored blob has stray bytes after record {_counter}.");
        }

        var last = extra == 0;
        var sealedRecord = record.AsSpan(0, sealedSize);
        if (!Cipher.TryOpen(_counter, last, sealedRecord, plain))
        {
            // Which flag would have worked tells a precise story; neither means a foreign or altered record.
            if (Cipher.TryOpen(_counter, !last, sealedRecord, plain))
            {
                CryptographicOperations.ZeroMemory(plain.AsSpan(0, length));
                throw new BlobIntegrityException(last
                    ? $"The stored blob is truncated: it ends after record {_counter}, which is not its final record."
                    : $"The stored blob has data after its final record ({_counter}).");
            }

            throw new BlobIntegrityException(
                $"Record {_counter} of the stored blob failed authentication: it was altered, reordered, duplicated or taken from another file.");
        }

        if (length == 0 && !last)
        {
            throw new BlobIntegrityException($"Record {_counter} of the stored blob is empty but not final.");
        }

        AppendPlaintext(plain.AsSpan(0, length));
        SetOutput(length);
        if (last)
        {
            // With deferred hashing, the copy checks the hash before it releases this record.
            if (Finish() is { } sha256)
            {
                CheckSha256(sha256, DiscardOutput);
            }

            return;
        }

        _nextLength = BinaryPrimitives.ReadInt32BigEndian(record.AsSpan(sealedSize, BlobRecordCipher.LengthSize));
        _counter = checked(_counter + 1);
    }
}
