using System.Security.Cryptography;
using Portal.Reports.Data;

namespace Portal.Reports.Exports;

/// <summary>
/// A write-only stream that stores what is written as an export's chunks: it fills one buffer of
/// <c>chunkSize</c> bytes, saves it as the next <see cref="AccountingExportChunk"/> (in whatever
/// transaction the context has open) and starts again, hashing as it goes. Memory is one chunk,
/// whatever the file's length. <see cref="CompleteAsync"/> saves the last, partly filled chunk.
/// </summary>
internal sealed class AccountingExportChunkStream(ReportsDbContext db, Guid exportId, int chunkSize) : Stream
{
    private readonly byte[] _buffer = new byte[chunkSize];
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private int _filled;
    private int _number;
    private long _length;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => _length;

    public override long Position
    {
        get => _length;
        set => throw new NotSupportedException();
    }

    /// <summary>Saves what is left and gives the file's length and SHA-256 (lower-case hex).</summary>
    public async Task<(long Size, string Sha256)> CompleteAsync(CancellationToken cancellationToken)
    {
        if (_filled > 0)
        {
            await SaveChunkAsync(cancellationToken);
        }

        return (_length, Convert.ToHexStringLower(_hash.GetHashAndReset()));
    }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> source, CancellationToken cancellationToken = default)
    {
        while (!source.IsEmpty)
        {
            source = source[Take(source.Span)..];
            if (_filled == _buffer.Length)
            {
                await SaveChunkAsync(cancellationToken);
            }
        }
    }

    public override Task WriteAsync(byte[] source, int offset, int count, CancellationToken cancellationToken)
        => WriteAsync(source.AsMemory(offset, count), cancellationToken).AsTask();

    /// <summary>The zip archive writes some of its headers synchronously; those chunks are saved synchronously.</summary>
    public override void Write(ReadOnlySpan<byte> source)
    {
        while (!source.IsEmpty)
        {
            source = source[Take(source)..];
            if (_filled == _buffer.Length)
            {
                SaveChunk();
            }
        }
    }

    public override void Write(byte[] source, int offset, int count) => Write(source.AsSpan(offset, count));

    /// <summary>Nothing to do: a chunk is saved when it is full, or by <see cref="CompleteAsync"/>, so flushes do not make small chunks.</summary>
    public override void Flush()
    {
    }

    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _hash.Dispose();
        }

        base.Dispose(disposing);
    }

    private int Take(ReadOnlySpan<byte> source)
    {
        var count = Math.Min(source.Length, _buffer.Length - _filled);
        source[..count].CopyTo(_buffer.AsSpan(_filled));
        _filled += count;
        _length += count;
        return count;
    }

    private AccountingExportChunk NextChunk()
    {
        var data = _buffer.AsSpan(0, _filled).ToArray();
        _hash.AppendData(data);
        _filled = 0;
        var chunk = new AccountingExportChunk { ExportId = exportId, Number = _number++, Data = data };
        db.ExportChunks.Add(chunk);
        return chunk;
    }

    private async Task SaveChunkAsync(CancellationToken cancellationToken)
    {
        var chunk = NextChunk();
        await db.SaveChangesAsync(cancellationToken);
        db.Entry(chunk).State = Microsoft.EntityFrameworkCore.EntityState.Detached;
    }

    private void SaveChunk()
    {
        var chunk = NextChunk();
        db.SaveChanges();
        db.Entry(chunk).State = Microsoft.EntityFrameworkCore.EntityState.Detached;
    }
}
