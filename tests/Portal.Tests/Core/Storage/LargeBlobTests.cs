using System.Security.Cryptography;

namespace Portal.Tests.Core.Storage;

/// <summary>
/// Half a gigabyte through the file-system backend, generated and hashed on the fly, never held in
/// memory. Only correctness is asserted; bench/storage measures throughput and memory.
/// </summary>
public sealed class LargeBlobTests(FileSystemStorageApp fixture) : IClassFixture<FileSystemStorageApp>
{
    private const long Size = 512L * 1024 * 1024;

    [Fact]
    public async Task A_512_MB_stream_is_written_and_read_back()
    {
        var key = Guid.CreateVersion7().ToString("N");
        string expected;
        using (var hash = SHA256.Create())
        {
            await using var source = new GeneratedStream(Size, seed: 42);
            await using var hashing = new CryptoStream(source, hash, CryptoStreamMode.Read);
            var stored = await fixture.App.WithStoreAsync(fixture.First, store => store.WriteAsync(key, hashing, default));
            expected = Convert.ToHexStringLower(hash.Hash!);
            Assert.Equal(Size, stored.Length);
            Assert.Equal(expected, stored.Sha256);
        }

        var read = await fixture.App.WithStoreAsync(fixture.First, async store =>
        {
            await using var stream = await store.OpenReadAsync(key, expected, default);
            return StorageTestData.Sha256(stream);
        });

        Assert.Equal(expected, read);
        await fixture.App.WithStoreAsync(fixture.First, store => store.DeleteAsync(key, default));
    }
}
