using System.Text;
using Portal.Core.Storage;

namespace Portal.Tests.Core.Storage;

/// <summary>
/// The storage contract, run on every backend (file system and S3 on s3rver): what goes in comes out
/// with its SHA-256, practices never see each other's blobs, and the bytes at rest are ciphertext.
/// </summary>
public abstract class BlobStorageSuite(StorageApp fixture)
{
    protected StorageApp Fixture { get; } = fixture;

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(65_535)]
    [InlineData(65_536)]
    [InlineData(65_537)]
    [InlineData(5_000_000)]
    [InlineData(12 * 1024 * 1024)]
    public async Task What_is_written_reads_back_with_its_sha256(int length)
    {
        var app = Fixture.App;
        var data = StorageTestData.Random(length);
        var key = NewKey();

        var stored = await app.WriteAsync(Fixture.First, key, data);

        Assert.Equal(length, stored.Length);
        Assert.Equal(StorageTestData.Sha256(data), stored.Sha256);
        Assert.Equal(data, await app.ReadAsync(Fixture.First, key, stored.Sha256));
        Assert.Equal(data, await app.ReadAsync(Fixture.First, key));
    }

    [Fact]
    public async Task Records_are_64_KiB_and_only_the_last_is_shorter()
    {
        var app = Fixture.App;
        var cases = new Dictionary<int, int[]>
        {
            [0] = [0],
            [65_536] = [65_536],
            [65_537] = [65_536, 1],
            [200_000] = [65_536, 65_536, 65_536, 3_392],
        };
        foreach (var (length, expected) in cases)
        {
            var key = NewKey();
            await app.WriteAsync(Fixture.First, key, StorageTestData.Random(length));
            var records = BlobRecords.Split(await app.StoredBytesAsync(Fixture.First, key), out var header);
            Assert.Equal("PBLB"u8.ToArray(), header[..4]);
            Assert.Equal(expected, records.Select(r => r.Length - 20).ToArray());
        }
    }

    [Fact]
    public async Task The_stored_bytes_never_contain_the_plaintext()
    {
        var app = Fixture.App;
        var marker = "CONFIDENTIAL-TAX-RETURN-MARKER-7731";
        var text = string.Concat(Enumerable.Repeat(marker + " client 4711 owes 12,345.67\n", 20_000));
        var key = NewKey();

        await app.WriteAsync(Fixture.First, key, Encoding.UTF8.GetBytes(text));

        var stored = await app.StoredBytesAsync(Fixture.First, key);
        Assert.True(stored.Length > text.Length);
        Assert.Equal(-1, stored.AsSpan().IndexOf(Encoding.UTF8.GetBytes(marker)));
        Assert.Equal(-1, stored.AsSpan().IndexOf(Encoding.UTF8.GetBytes("client 4711")));
        Assert.Equal(text, Encoding.UTF8.GetString(await app.ReadAsync(Fixture.First, key)));
    }

    [Fact]
    public async Task Exists_and_delete()
    {
        var app = Fixture.App;
        var key = NewKey();
        Assert.False(await app.WithStoreAsync(Fixture.First, store => store.ExistsAsync(key, default)));

        await app.WriteAsync(Fixture.First, key, StorageTestData.Random(100));
        Assert.True(await app.WithStoreAsync(Fixture.First, store => store.ExistsAsync(key, default)));

        await app.WithStoreAsync(Fixture.First, store => store.DeleteAsync(key, default));
        Assert.False(await app.WithStoreAsync(Fixture.First, store => store.ExistsAsync(key, default)));
        await Assert.ThrowsAsync<BlobNotFoundException>(() => app.ReadAsync(Fixture.First, key));

        // Deleting what is not there is not an error (a sweeper may race a user).
        await app.WithStoreAsync(Fixture.First, store => store.DeleteAsync(key, default));
    }

    [Fact]
    public async Task Writing_again_replaces_the_content()
    {
        var app = Fixture.App;
        var key = NewKey();
        await app.WriteAsync(Fixture.First, key, StorageTestData.Random(70_000));
        var second = StorageTestData.Random(1_000);

        await app.WriteAsync(Fixture.First, key, second);

        Assert.Equal(second, await app.ReadAsync(Fixture.First, key));
    }

    [Fact]
    public async Task Reading_a_missing_blob_says_so()
    {
        var key = NewKey();
        var error = await Assert.ThrowsAsync<BlobNotFoundException>(() => Fixture.App.ReadAsync(Fixture.First, key));
        Assert.Equal(key, error.BlobKey);
        Assert.Contains(key, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Listing_shows_only_the_practices_own_keys()
    {
        var app = Fixture.App;
        var mine = new[] { NewKey(), NewKey(), NewKey() };
        var theirs = NewKey();
        foreach (var key in mine)
        {
            await app.WriteAsync(Fixture.First, key, StorageTestData.Random(10));
        }

        await app.WriteAsync(Fixture.Second, theirs, StorageTestData.Random(10));

        var listed = await app.WithStoreAsync(Fixture.First, async store => await store.ListKeysAsync(default).ToListAsync());
        Assert.Subset(listed.ToHashSet(), mine.ToHashSet());
        Assert.DoesNotContain(theirs, listed);
        var listedByOther = await app.WithStoreAsync(Fixture.Second, async store => await store.ListKeysAsync(default).ToListAsync());
        Assert.Contains(theirs, listedByOther);
        Assert.Empty(listedByOther.Intersect(mine));
    }

    [Fact]
    public async Task The_same_key_in_two_practices_is_two_blobs()
    {
        var app = Fixture.App;
        var key = NewKey();
        var first = StorageTestData.Random(1000);
        var second = StorageTestData.Random(2000);

        await app.WriteAsync(Fixture.First, key, first);
        await app.WriteAsync(Fixture.Second, key, second);

        Assert.Equal(first, await app.ReadAsync(Fixture.First, key));
        Assert.Equal(second, await app.ReadAsync(Fixture.Second, key));
        await app.WithStoreAsync(Fixture.Second, store => store.DeleteAsync(key, default));
        Assert.Equal(first, await app.ReadAsync(Fixture.First, key));
    }

    [Fact]
    public async Task A_completed_staged_upload_lands_in_the_backend()
    {
        var app = Fixture.App;
        var data = StorageTestData.Random(6 * 1024 * 1024 + 123);
        var key = NewKey();

        var stored = await app.WithStoreAsync(Fixture.First, async store =>
        {
            var staging = store.OpenStaging(store.NewBlobKey(), key, data.Length);
            await staging.AppendAsync(new MemoryStream(data, 0, 1_000_000), 0, default);
            await staging.AppendAsync(new MemoryStream(data, 1_000_000, data.Length - 1_000_000), 1_000_000, default);
            var result = await staging.CompleteAsync(default);
            Assert.False(File.Exists(staging.FilePath));
            return result;
        });

        Assert.Equal(StorageTestData.Sha256(data), stored.Sha256);
        Assert.Equal(data, await app.ReadAsync(Fixture.First, key, stored.Sha256));
    }

    [Theory]
    [InlineData("../escape")]
    [InlineData("UPPER")]
    [InlineData("a/b")]
    [InlineData("")]
    [InlineData("x.pdf")]
    public async Task Keys_that_are_not_server_generated_are_refused(string key)
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Fixture.App.WriteAsync(Fixture.First, key, [1, 2, 3]));
    }

    private static string NewKey() => Guid.CreateVersion7().ToString("N");
}

public sealed class FileSystemStorageTests(FileSystemStorageApp fixture) : BlobStorageSuite(fixture), IClassFixture<FileSystemStorageApp>
{
    [Fact]
    public void Blobs_live_under_app_data_blobs_by_practice()
    {
        var backend = Assert.IsType<FileSystemBlobBackend>(Fixture.App.Get<IBlobBackend>());
        Assert.Equal(Path.Combine(Fixture.App.AppDataPath, "blobs"), backend.Root);
        var path = backend.FilePath(BlobPath.Create(Fixture.First.Name, "abc"));
        Assert.StartsWith(Path.Combine(backend.Root, Fixture.First.Name) + Path.DirectorySeparatorChar, path, StringComparison.Ordinal);
    }
}

public sealed class S3StorageTests(S3StorageApp fixture) : BlobStorageSuite(fixture), IClassFixture<S3StorageApp>
{
    [Fact]
    public async Task Objects_are_keyed_by_practice_in_the_bucket()
    {
        var backend = Assert.IsType<S3BlobBackend>(Fixture.App.Get<IBlobBackend>());
        var key = Guid.CreateVersion7().ToString("N");
        await Fixture.App.WriteAsync(Fixture.First, key, [1, 2, 3]);
        Assert.Equal($"{Fixture.First.Name}/{key}", backend.ObjectKey(BlobPath.Create(Fixture.First.Name, key)));
        Assert.True(await backend.ExistsAsync(BlobPath.Create(Fixture.First.Name, key), default));
    }
}
