using System.Buffers;
using System.Security.Cryptography;

namespace Portal.Core.Crypto;

/// <summary>
/// What <see cref="EncryptingReadStream"/> and <see cref="DecryptingReadStream"/> share: a read-only,
/// forward-only stream that turns its source into records one at a time through two pooled buffers (one
/// for what is read, one for what is returned), counts and hashes the plaintext, and on disposal wipes
/// both buffers, since one of them always holds plaintext.
/// </summary>
public abstract class RecordStream : Stream
{
    private readonly bool _leaveOpen;
    private byte[]? _input;
    private byte[]? _output;
    private int _outputOffset;
    private int _outputCount;
    private string? _sha256;

    private protected RecordStream(Stream source, BlobRecordCipher cipher, int inputSize, int outputSize, bool leaveOpen)
    {
        Source = source;
        Cipher = cipher;
        _leaveOpen = leaveOpen;
        _input = ArrayPool<byte>.Shared.Rent(inputSize);
        _output = ArrayPool<byte>.Shared.Rent(outputSize);
    }

    /// <summary>Plaintext bytes processed so far (all of them once the final record was reached).</summary>
    public long PlaintextLength { get; private set; }

    /// <summary>Lower-case hex SHA-256 of the plaintext, once the final record was reached.</summary>
    public string Sha256 => _sha256 ?? throw new InvalidOperationException("The stream has not been read to its end.");

    /// <summary>True once the final record was produced and every byte of it was read.</summary>
    public bool IsComplete => Finished && _outputCount == 0;

    public sealed override bool CanRead => true;

    public sealed override bool CanSeek => false;

    public sealed override bool CanWrite => false;

    public sealed override long Length => throw new NotSupportedException();

    public sealed override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    private protected Stream Source { get; }

    private protected BlobRecordCipher Cipher { get; }

    /// <summary>True once the final record was produced; its output may still be waiting to be read.</summary>
    private protected bool Finished { get; private set; }


    private IncrementalHash Hash { get; } = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

    public sealed override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public sealed override int Read(Span<byte> buffer)
    {
        if (buffer.IsEmpty)
        {
            return 0;
        }

        while (_outputCount == 0 && !Finished)
        {
            ProduceNext();
        }

        return Take(buffer);
    }

    public sealed override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        => ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public sealed override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (buffer.IsEmpty)
        {
            return 0;
        }

        // A large buffer is filled with as many whole records as fit: a reader that copies to a
        // socket or a file then writes (and flushes) once per batch, not once per 64 KiB record.
        var total = 0;
        while (true)
        {
            while (_outputCount == 0 && !Finished)
            {
                await ProduceNextAsync(cancellationToken);
            }

            total += Take(buffer.Span[total..]);
            if (_outputCount > 0 || Finished || buffer.Length - total < Buffers().Output.Length)
            {
                return total;
            }
        }
    }

    public sealed override void Flush()
    {
    }

    public sealed override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public sealed override void SetLength(long value) => throw new NotSupportedException();

    public sealed override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    /// <summary>Reads from <see cref="Source"/> and puts the next record's output in place (<see cref="SetOutput"/>).</summary>
    private protected abstract void ProduceNext();

    /// <inheritdoc cref="ProduceNext"/>
    private protected abstract ValueTask ProduceNextAsync(CancellationToken cancellationToken);

    /// <summary>The buffer that is read into and the buffer that is returned from; throws once disposed.</summary>
    private protected (byte[] Input, byte[] Output) Buffers()
    {
        ObjectDisposedException.ThrowIf(_input is null || _output is null, this);
        return (_input, _output);
    }

    /// <summary>The first <paramref name="count"/> bytes of the output buffer are what the reader gets next.</summary>
    private protected void SetOutput(int count)
    {
        _outputOffset = 0;
        _outputCount = count;
    }

    /// <summary>Withdraws output not read yet (it failed a check made after it was produced).</summary>
    private protected void DiscardOutput()
    {
        CryptographicOperations.ZeroMemory(Buffers().Output.AsSpan(_outputOffset, _outputCount));
        _outputCount = 0;
    }

    /// <summary>
    /// Set by a copy that hashes whole batches itself (on another thread, see
    /// <see cref="HashPlaintext"/>): records are then only counted as they are produced, and the
    /// final record does not finish the hash.
    /// </summary>
    private protected bool HashingDeferred { get; set; }

    /// <summary>Counts and hashes plaintext that has been sealed or authenticated.</summary>
    private protected void AppendPlaintext(ReadOnlySpan<byte> plaintext)
    {
        if (!HashingDeferred)
        {
            Hash.AppendData(plaintext);
        }

        PlaintextLength += plaintext.Length;
    }

    /// <summary>Hashes plaintext already produced and counted (deferred hashing, in order).</summary>
    private protected void HashPlaintext(ReadOnlySpan<byte> plaintext) => Hash.AppendData(plaintext);

    /// <summary>Marks the final record as produced and returns the plaintext's hash (null while hashing is deferred).</summary>
    private protected string? Finish()
    {
        Finished = true;
        return HashingDeferred ? null : FinishHash();
    }

    /// <summary>Completes the hash once every byte was hashed.</summary>
    private protected string FinishHash()
    {
        _sha256 = Convert.ToHexStringLower(Hash.GetHashAndReset());
        return _sha256;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Wipe(ref _input);
            Wipe(ref _output);
            Hash.Dispose();
            Cipher.Dispose();
            if (!_leaveOpen)
            {
                Source.Dispose();
            }
        }

        base.Dispose(disposing);
    }

    private static void Wipe(ref byte[]? buffer)
    {
        if (buffer is not null)
        {
            CryptographicOperations.ZeroMemory(buffer);
            ArrayPool<byte>.Shared.Return(buffer);
            buffer = null;
        }
    }

    private int Take(Span<byte> buffer)
    {
        var count = Math.Min(buffer.Length, _outputCount);
        Buffers().Output.AsSpan(_outputOffset, count).CopyTo(buffer);
        _outputOffset += count;
        _outputCount -= count;
        return count;
    }
}
