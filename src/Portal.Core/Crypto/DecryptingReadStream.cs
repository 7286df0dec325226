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
public sealed class DecryptingReadStream : Stream
{
    private const int NoRecord = -1;

    private readonly Stream _ciphertext;
    private readonly BlobRecordCipher _cipher;
    private readonly string? _expectedSha256;
    private readonly bool _leaveOpen;
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

    // A record's ciphertext and tag, followed by the next record's length prefix: reading the prefix
    // ahead is what tells whether this record must be the final one.
    private byte[]? _record = ArrayPool<byte>.Shared.Rent(BlobRecordCipher.MaxRecordPlaintext + BlobRecordCipher.TagSize + BlobRecordCipher.LengthSize);
    private byte[]? _plain = ArrayPool<byte>.Shared.Rent(BlobRecordCipher.MaxRecordPlaintext);
    private int _plainOffset;
    private int _plainCount;
    private int _nextLength = NoRecord;
    private bool _started;
    private bool _finished;
    private uint _counter;
    private string? _sha256;

    /// <param name="expectedSha256">Hex SHA-256 of the plaintext, checked when the final record is read; null to skip.</param>
    public DecryptingReadStream(Stream ciphertext, BlobRecordCipher cipher, string? expectedSha256, bool leaveOpen = false)
    {
        _ciphertext = ciphertext;
        _cipher = cipher;
        _expectedSha256 = expectedSha256?.ToLowerInvariant();
        _leaveOpen = leaveOpen;
    }

    /// <summary>Plaintext bytes authenticated so far.</summary>
    public long PlaintextLength { get; private set; }

    /// <summary>Lower-case hex SHA-256 of the plaintext, once the final record was read.</summary>
    public string Sha256 => _sha256 ?? throw new InvalidOperationException("The blob has not been read to its end.");

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (buffer.IsEmpty)
        {
            return 0;
        }

        while (_plainCount == 0 && !_finished)
        {
            if (!_started)
            {
                var prefix = Buffers().Record.AsSpan(0, BlobRecordCipher.LengthSize);
                _nextLength = ReadLength(prefix[..FillSync(prefix)]);
                _started = true;
            }

            var length = CheckLength();
            var record = Buffers().Record;
            var read = FillSync(record.AsSpan(0, length + BlobRecordCipher.TagSize + BlobRecordCipher.LengthSize));
            OpenRecord(length, read);
        }

        return Take(buffer);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        => ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (buffer.IsEmpty)
        {
            return 0;
        }

        while (_plainCount == 0 && !_finished)
        {
            if (!_started)
            {
                _nextLength = ReadLength(await FillAsync(Buffers().Record.AsMemory(0, BlobRecordCipher.LengthSize), cancellationToken), Buffers().Record);
                _started = true;
            }

            var length = CheckLength();
            var record = Buffers().Record;
            var read = await FillAsync(record.AsMemory(0, length + BlobRecordCipher.TagSize + BlobRecordCipher.LengthSize), cancellationToken);
            OpenRecord(length, read);
        }

        return Take(buffer.Span);
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            if (_plain is not null)
            {
                CryptographicOperations.ZeroMemory(_plain);
                ArrayPool<byte>.Shared.Return(_plain);
                _plain = null;
            }

            if (_record is not null)
            {
                ArrayPool<byte>.Shared.Return(_record);
                _record = null;
            }

            _hash.Dispose();
            _cipher.Dispose();
            if (!_leaveOpen)
            {
                _ciphertext.Dispose();
            }
        }

        base.Dispose(disposing);
    }

    private static int ReadLength(int read, byte[] buffer) => ReadLength(buffer.AsSpan(0, read));

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
        if (!_cipher.TryOpen(_counter, last, sealedRecord, plain))
        {
            // Which flag would have worked tells a precise story; neither means a foreign or altered record.
            if (_cipher.TryOpen(_counter, !last, sealedRecord, plain))
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

        _hash.AppendData(plain, 0, length);
        PlaintextLength += length;
        _plainOffset = 0;
        _plainCount = length;
        if (last)
        {
            _finished = true;
            _sha256 = Convert.ToHexStringLower(_hash.GetHashAndReset());
            if (_expectedSha256 is not null && _sha256 != _expectedSha256)
            {
                _plainCount = 0;
                CryptographicOperations.ZeroMemory(plain.AsSpan(0, length));
                throw new BlobIntegrityException($"The blob's SHA-256 is {_sha256}, not the expected {_expectedSha256}.");
            }

            return;
        }

        _nextLength = BinaryPrimitives.ReadInt32BigEndian(record.AsSpan(sealedSize, BlobRecordCipher.LengthSize));
        _counter = checked(_counter + 1);
    }

    private int Take(Span<byte> buffer)
    {
        var count = Math.Min(buffer.Length, _plainCount);
        Buffers().Plain.AsSpan(_plainOffset, count).CopyTo(buffer);
        _plainOffset += count;
        _plainCount -= count;
        return count;
    }

    /// <summary>Reads until the span is full or the stream ends; returns the bytes read.</summary>
    private int FillSync(Span<byte> target)
    {
        var filled = 0;
        while (filled < target.Length)
        {
            var read = _ciphertext.Read(target[filled..]);
            if (read == 0)
            {
                break;
            }

            filled += read;
        }

        return filled;
    }

    private ValueTask<int> FillAsync(Memory<byte> target, CancellationToken cancellationToken)
        => _ciphertext.ReadAtLeastAsync(target, target.Length, throwOnEndOfStream: false, cancellationToken);

    private (byte[] Record, byte[] Plain) Buffers()
    {
        ObjectDisposedException.ThrowIf(_record is null || _plain is null, this);
        return (_record, _plain);
    }
}
