using Portal.Core.Storage;
using Portal.Tests.Core.Storage;

namespace Portal.Tests.Core.Crypto;

/// <summary>
/// Tampering at rest: whatever is done to the stored records (cut, reordered, duplicated, taken from
/// another file or practice, a bit flipped), reading fails with <see cref="BlobIntegrityException"/>
/// instead of returning altered content.
/// </summary>
public sealed class BlobEncryptionTests(FileSystemStorageApp fixture) : IClassFixture<FileSystemStorageApp>
{
    private const int ThreeRecords = 3 * 65_536;

    [Fact]
    public async Task An_untouched_blob_reads()
    {
        var (key, data) = await WriteAsync(ThreeRecords);
        Assert.Equal(data, await fixture.App.ReadAsync(fixture.First, key));
    }

    [Fact]
    public async Task A_blob_cut_after_a_whole_record_fails_as_truncated()
    {
        var (key, _) = await WriteAsync(ThreeRecords);
        var records = BlobRecords.Split(await StoredAsync(key), out var header);

        var error = await ReadTamperedAsync(key, BlobRecords.Join(header, records.Take(2)));
        Assert.Contains("truncated", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(17)]
    [InlineData(65_000)]
    public async Task A_blob_cut_inside_a_record_fails(int bytesCut)
    {
        var (key, _) = await WriteAsync(ThreeRecords);
        var stored = await StoredAsync(key);
        await ReadTamperedAsync(key, stored[..^bytesCut]);
    }

    [Fact]
    public async Task A_blob_cut_to_its_header_fails()
    {
        var (key, _) = await WriteAsync(100);
        var stored = await StoredAsync(key);
        await ReadTamperedAsync(key, stored[..16]);
        await ReadTamperedAsync(key, stored[..10]);
        await ReadTamperedAsync(key, []);
    }

    [Fact]
    public async Task Swapped_records_fail()
    {
        var (key, _) = await WriteAsync(ThreeRecords + 5);
        var records = BlobRecords.Split(await StoredAsync(key), out var header);

        await ReadTamperedAsync(key, BlobRecords.Join(header, [records[1], records[0], records[2], records[3]]));
    }

    [Fact]
    public async Task A_duplicated_record_fails()
    {
        var (key, _) = await WriteAsync(ThreeRecords + 5);
        var records = BlobRecords.Split(await StoredAsync(key), out var header);

        await ReadTamperedAsync(key, BlobRecords.Join(header, [records[0], records[0], records[1], records[2], records[3]]));
        await ReadTamperedAsync(key, BlobRecords.Join(header, [records[0], records[1], records[1], records[2], records[3]]));
    }

    [Fact]
    public async Task A_dropped_record_fails()
    {
        var (key, _) = await WriteAsync(ThreeRecords + 5);
        var records = BlobRecords.Split(await StoredAsync(key), out var header);

        await ReadTamperedAsync(key, BlobRecords.Join(header, [records[0], records[2], records[3]]));
    }

    [Fact]
    public async Task Data_after_the_final_record_fails()
    {
        var (key, _) = await WriteAsync(ThreeRecords + 5);
        var stored = await StoredAsync(key);
        var records = BlobRecords.Split(stored, out var header);

        var error = await ReadTamperedAsync(key, BlobRecords.Join(header, [.. records, records[3]]));
        Assert.Contains("after its final record", error.Message, StringComparison.Ordinal);
        await ReadTamperedAsync(key, [.. stored, 0, 0]);
        await ReadTamperedAsync(key, [.. stored, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    }

    [Fact]
    public async Task A_record_from_another_file_of_the_same_practice_and_key_fails()
    {
        var (key, _) = await WriteAsync(ThreeRecords);
        var earlier = BlobRecords.Split(await StoredAsync(key), out var earlierHeader);
        await fixture.App.WriteAsync(fixture.First, key, StorageTestData.Random(ThreeRecords));
        var current = BlobRecords.Split(await StoredAsync(key), out var currentHeader);

        await ReadTamperedAsync(key, BlobRecords.Join(currentHeader, [current[0], earlier[1], current[2]]));

        // The earlier version's header with the current records is no better.
        await ReadTamperedAsync(key, BlobRecords.Join(earlierHeader, current));
    }

    [Fact]
    public async Task A_record_from_another_practice_fails()
    {
        var (key, _) = await WriteAsync(ThreeRecords);
        await fixture.App.WriteAsync(fixture.Second, key, StorageTestData.Random(ThreeRecords));
        var mine = BlobRecords.Split(await StoredAsync(key), out var header);
        var theirs = BlobRecords.Split(await fixture.App.StoredBytesAsync(fixture.Second, key), out var theirHeader);

        await ReadTamperedAsync(key, BlobRecords.Join(header, [mine[0], theirs[1], mine[2]]));

        // Their whole file under my key: wrong practice in the associated data, and another data key.
        await ReadTamperedAsync(key, BlobRecords.Join(theirHeader, theirs));
    }

    [Theory]
    [InlineData(5)]        // format version
    [InlineData(8)]        // data-key version
    [InlineData(12)]       // nonce prefix
    [InlineData(16 + 2)]   // first record's length
    [InlineData(16 + 4)]   // first ciphertext byte
    [InlineData(-1)]       // last tag byte
    [InlineData(-30)]      // last record's ciphertext
    public async Task A_flipped_bit_fails(int position)
    {
        var (key, _) = await WriteAsync(ThreeRecords - 100);
        var stored = await StoredAsync(key);
        var index = position < 0 ? stored.Length + position : position;
        stored[index] ^= 0x04;

        await ReadTamperedAsync(key, stored);
    }

    [Fact]
    public async Task A_wrong_expected_sha256_fails_at_the_end_of_the_stream()
    {
        var (key, data) = await WriteAsync(ThreeRecords);
        var wrong = StorageTestData.Sha256(StorageTestData.Random(10));

        var read = new MemoryStream();
        var error = await Assert.ThrowsAsync<BlobIntegrityException>(() => fixture.App.WithStoreAsync(fixture.First, async store =>
        {
            await using var stream = await store.OpenReadAsync(key, wrong, default);
            await stream.CopyToAsync(read);
        }));

        Assert.Contains("SHA-256", error.Message, StringComparison.Ordinal);

        // Everything before the final record was delivered; the final record is withheld.
        Assert.Equal(data[..(2 * 65_536)], read.ToArray());
        Assert.Equal(data, await fixture.App.ReadAsync(fixture.First, key, StorageTestData.Sha256(data).ToUpperInvariant()));
    }

    [Fact]
    public async Task A_large_read_gets_several_whole_records_and_the_batch_with_a_wrong_final_record_is_withheld()
    {
        var (key, data) = await WriteAsync(16 * 65_536 + 5);
        var buffer = new byte[8 * 65_536 + 100];
        var reads = await fixture.App.WithStoreAsync(fixture.First, async store =>
        {
            await using var stream = await store.OpenReadAsync(key, StorageTestData.Sha256(data), default);
            return new[] { await stream.ReadAsync(buffer), await stream.ReadAsync(new byte[65_536 + 10]) };
        });
        Assert.Equal([8 * 65_536, 65_536], reads);
        Assert.Equal(data[..(8 * 65_536)], buffer[..(8 * 65_536)]);

        var (small, _) = await WriteAsync(ThreeRecords);
        var wrong = StorageTestData.Sha256(StorageTestData.Random(10));
        await Assert.ThrowsAsync<BlobIntegrityException>(() => fixture.App.WithStoreAsync(fixture.First, async store =>
        {
            await using var stream = await store.OpenReadAsync(small, wrong, default);
            return await stream.ReadAsync(buffer);
        }));
    }

    [Fact]
    public async Task A_copy_in_batches_to_a_slow_target_delivers_every_byte_and_withholds_the_batch_with_a_wrong_final_record()
    {
        var (key, data) = await WriteAsync(16 * 65_536 - 5);
        var copied = new SlowWriteStream();
        var sha256 = await fixture.App.WithStoreAsync(fixture.First, async store =>
        {
            await using var stream = (Portal.Core.Crypto.DecryptingReadStream)await store.OpenReadAsync(key, StorageTestData.Sha256(data), default);
            await stream.CopyToAsync(copied, 4 * 65_536);
            return stream.Sha256;
        });
        Assert.Equal(data, copied.ToArray());
        Assert.Equal(StorageTestData.Sha256(data), sha256);

        // Four records a batch: the last batch (records 12 to 15, the final one) goes out only once the hash is checked.
        var partial = new SlowWriteStream();
        var wrong = StorageTestData.Sha256(StorageTestData.Random(10));
        await Assert.ThrowsAsync<BlobIntegrityException>(() => fixture.App.WithStoreAsync(fixture.First, async store =>
        {
            await using var stream = await store.OpenReadAsync(key, wrong, default);
            await stream.CopyToAsync(partial, 4 * 65_536);
        }));
        Assert.Equal(data[..(12 * 65_536)], partial.ToArray());
    }

    [Fact]
    public async Task Tampering_is_an_io_exception_so_stream_copies_stop()
    {
        var (key, _) = await WriteAsync(10);
        var stored = await StoredAsync(key);
        stored[^1] ^= 1;
        var error = await ReadTamperedAsync(key, stored);
        Assert.IsAssignableFrom<IOException>(error);
    }

    /// <summary>Writes that complete later, on another thread, as a socket's do.</summary>
    private sealed class SlowWriteStream : MemoryStream
    {
        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var copy = buffer.ToArray();
            await Task.Yield();
            await base.WriteAsync(copy, cancellationToken);
        }
    }

    private async Task<(string Key, byte[] Data)> WriteAsync(int length)
    {
        var key = Guid.CreateVersion7().ToString("N");
        var data = StorageTestData.Random(length);
        await fixture.App.WriteAsync(fixture.First, key, data);
        return (key, data);
    }

    private Task<byte[]> StoredAsync(string key) => fixture.App.StoredBytesAsync(fixture.First, key);

    private async Task<BlobIntegrityException> ReadTamperedAsync(string key, byte[] tampered)
    {
        await fixture.App.StoreBytesAsync(fixture.First, key, tampered);
        return await Assert.ThrowsAsync<BlobIntegrityException>(() => fixture.App.ReadAsync(fixture.First, key));
    }
}
