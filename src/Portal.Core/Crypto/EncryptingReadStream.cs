using System.Buffers;
using System.Security.Cryptography;

namespace Portal.Core.Crypto;

/// <summary>
/// Reads a plaintext stream and yields the encrypted blob (header, then records of 64 KiB; the last
/// record, possibly shorter or empty, carries the final flag). A pull stream, so any backend can
/// consume it the way it likes (copy to a file, cut into multipart parts) with two pooled buffers of
/// memory whatever the size. Counts the plaintext and hashes it (SHA-256) on the way.
/// </summary>
public sealed class EncryptingReadStream : Stream
{
    private readonly Stream _plaintext;
    private readonly BlobRecordCipher _cipher;
    private readonly bool _leaveOpen;
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

    // One byte more than a record: reading it tells whether the record is the last (the extra byte is
    // carried over to the next record) without a second buffer.
    private byte[]? _plain = ArrayPool<byte>.Shared.Rent(BlobRecordCipher.MaxRecordPlaintext + 1);
    private byte[]? _output = ArrayPool<byte>.Shared.Rent(Math.Max(BlobHeader.Size, BlobRecordCipher.MaxRecordSize));
    private int _outputOffset;
    private int _outputCount;
    private int _carried;
    private uint _counter;
    private bool _finished;
    private string? _sha256;

    public EncryptingReadStream(Stream plaintext, BlobRecordCipher cipher, BlobHeader header, bool leaveOpen = false)
    {
        _plaintext = plaintext;
        _cipher = cipher;
        _leaveOpen = leaveOpen;
        header.Bytes.CopyTo(_output);
        _outputCount = BlobHeader.Size;
    }

    /// <summary>Plaintext bytes read so far (all of them once <see cref="IsComplete"/>).</summary>
    public long PlaintextLength { get; private set; }

    /// <summary>True once the final record was produced.</summary>
    public bool IsComplete => _finished && _outputCount == 0;

    /// <summary>Lower-case hex SHA-256 of the plaintext; available once <see cref="IsComplete"/>.</summary>
    public string Sha256 => _sha256 ?? throw new InvalidOperationException("The plaintext has not been read to its end.");

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
        while (_outputCount == 0 && !_finished)
        {
            Produce(FillSync());
        }

        return Take(buffer);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        => ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        while (_outputCount == 0 && !_finished)
        {
            Produce(await FillAsync(cancellationToken));
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

            if (_output is not null)
            {
                ArrayPool<byte>.Shared.Return(_output);
                _output = null;
            }

            _hash.Dispose();
            _cipher.Dispose();
            if (!_leaveOpen)
            {
                _plaintext.Dispose();
            }
        }

        base.Dispose(disposing);
    }

    private int Take(Span<byte> buffer)
    {
        var count = Math.Min(buffer.Length, _outputCount);
        Buffers().Output.AsSpan(_outputOffset, count).CopyTo(buffer);
        _outputOffset += count;
        _outputCount -= count;
        return count;
    }

    private int FillSync()
    {
        var plain = Buffers().Plain;
        var filled = _carried;
        while (filled < BlobRecordCipher.MaxRecordPlaintext + 1)
        {
            var read = _plaintext.Read(plain, filled, BlobRecordCipher.MaxRecordPlaintext + 1 - filled);
            if (read == 0)
            {
                break;
            }

            filled += read;
        }

        return filled;
    }

    private async ValueTask<int> FillAsync(CancellationToken cancellationToken)
    {
        var plain = Buffers().Plain;
        var filled = _carried;
        while (filled < BlobRecordCipher.MaxRecordPlaintext + 1)
        {
            var read = await _plaintext.ReadAsync(plain.AsMemory(filled, BlobRecordCipher.MaxRecordPlaintext + 1 - filled), cancellationToken);
            if (read == 0)
            {
                break;
            }

            filled += read;
        }

        return filled;
    }

    /// <summary>Seals the next record from <paramref name="filled"/> buffered plaintext bytes.</summary>
    private void Produce(int filled)
    {
        var (plain, output) = Buffers();
        var last = filled <= BlobRecordCipher.MaxRecordPlaintext;
        var length = last ? filled : BlobRecordCipher.MaxRecordPlaintext;
        _outputCount = _cipher.Seal(_counter, last, plain.AsSpan(0, length), output);
        _outputOffset = 0;
        _hash.AppendData(plain, 0, length);
        PlaintextLength += length;
        if (last)
        {
            _finished = true;
            _sha256 = Convert.ToHexStringLower(_hash.GetHashAndReset());
            return;
        }

        _counter = checked(_counter + 1);
        plain[0] = plain[BlobRecordCipher.MaxRecordPlaintext];
        _carried = 1;
    }

    private (byte[] Plain, byte[] Output) Buffers()
    {
        ObjectDisposedException.ThrowIf(_plain is null || _output is null, this);
        return (_plain, _output);
    }
}
