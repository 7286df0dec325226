using Portal.Documents.Services;

namespace Portal.Tests.Documents;

/// <summary>The download's copy that reads the next batch while the previous one is written.</summary>
public sealed class OverlappedCopyTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(1000)]
    [InlineData(3 * 1000 + 7)]
    public async Task Every_byte_arrives_in_order(int size)
    {
        var data = new byte[size];
        new Random(size).NextBytes(data);
        var target = new SlowWriteStream();

        await OverlappedCopy.CopyAsync(new MemoryStream(data), target, bufferSize: 1000, default);

        Assert.Equal(data, target.ToArray());
    }

    [Fact]
    public async Task A_failed_read_stops_the_copy_after_the_write_in_flight_has_finished()
    {
        var data = new byte[5000];
        new Random(1).NextBytes(data);
        var target = new SlowWriteStream();

        await Assert.ThrowsAsync<IOException>(() => OverlappedCopy.CopyAsync(new FailingStream(data, failAfter: 2500), target, bufferSize: 1000, default));

        Assert.Equal(data[..2000], target.ToArray());
        Assert.False(target.Writing);
    }

    /// <summary>Writes that complete later, on another thread, like a socket's.</summary>
    private sealed class SlowWriteStream : MemoryStream
    {
        public bool Writing { get; private set; }

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Writing = true;
            var copy = buffer.ToArray();
            await Task.Yield();
            await base.WriteAsync(copy, cancellationToken);
            Writing = false;
        }
    }

    /// <summary>Yields up to 1,000 bytes a read, then fails as a damaged record does.</summary>
    private sealed class FailingStream(byte[] data, int failAfter) : MemoryStream(data)
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (Position + Math.Min(buffer.Length, 1000) > failAfter)
            {
                throw new IOException("A record failed authentication.");
            }

            return base.ReadAsync(buffer[..Math.Min(buffer.Length, 1000)], cancellationToken);
        }
    }
}
