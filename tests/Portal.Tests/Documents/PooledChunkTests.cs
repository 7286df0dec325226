using Portal.Documents.Services;

namespace Portal.Tests.Documents;

/// <summary>The in-memory tus chunk: whole bodies of known and unknown length, their SHA-256, and the limit.</summary>
public sealed class PooledChunkTests
{
    [Theory]
    [InlineData(0, true)]
    [InlineData(1, true)]
    [InlineData(3 * 1024 * 1024 + 7, true)]
    [InlineData(3 * 1024 * 1024 + 7, false)]
    [InlineData(5_000_000, false)]
    public async Task A_body_within_the_limit_is_held_whole(int size, bool lengthKnown)
    {
        var data = new byte[size];
        new Random(size).NextBytes(data);
        using var chunk = await PooledChunk.ReadAsync(new TrickleStream(data), lengthKnown ? size : null, limit: 5_000_000, default);

        Assert.NotNull(chunk);
        Assert.Equal(size, chunk.Length);
        Assert.True(chunk.Span.SequenceEqual(data));
        Assert.Equal(System.Security.Cryptography.SHA256.HashData(data), chunk.Sha256); // hashed as it arrived, in pieces
        using var copy = new MemoryStream();
        await chunk.AsStream().CopyToAsync(copy);
        Assert.Equal(data, copy.ToArray());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_body_over_the_limit_is_refused(bool lengthKnown)
    {
        var data = new byte[5_000_001];
        Assert.Null(await PooledChunk.ReadAsync(new TrickleStream(data), lengthKnown ? data.Length : null, limit: 5_000_000, default));
    }

    [Fact]
    public async Task A_body_longer_than_its_declared_length_is_still_held_whole_up_to_the_limit()
    {
        var data = new byte[2_000_000];
        new Random(3).NextBytes(data);
        using var chunk = await PooledChunk.ReadAsync(new TrickleStream(data), contentLength: 10, limit: 5_000_000, default);
        Assert.Equal(data.Length, chunk!.Length);
        Assert.True(chunk.Span.SequenceEqual(data));
    }

    /// <summary>Hands out at most 70,000 bytes a read, like a network body.</summary>
    private sealed class TrickleStream(byte[] data) : MemoryStream(data, writable: false)
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
            => base.ReadAsync(buffer[..Math.Min(buffer.Length, 70_000)], cancellationToken);
    }
}
