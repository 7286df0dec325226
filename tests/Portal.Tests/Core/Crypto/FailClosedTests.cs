using Portal.Core.Crypto;
using Portal.Core.Data;
using Portal.Tests.Core.Storage;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Core.Crypto;

/// <summary>Without the master key, nothing is stored: no blob, no staged upload, no plaintext anywhere.</summary>
public sealed class FailClosedTests
{
    [Fact]
    public async Task Without_a_master_key_writes_fail_and_no_file_is_created()
    {
        // The practice is set up while a key exists (setting it up seals its administrator's invitation
        // link, which without a key fails closed too); then the server runs without any master key.
        await using var data = await TestData.CreateAsync(DatabaseProvider.Sqlite);
        Portal.Core.Tenancy.TenantDescriptor practice;
        await using (var keyed = PortalApplication.StartOn(data, o => o.WithMasterKeys("k1", ("k1", MasterKeys.NewKey()))))
        {
            practice = await keyed.CreatePracticeAsync();
        }

        await using var app = PortalApplication.StartOn(data, o => o.Set("Portal:Encryption:GenerateDevelopmentKey", "false"));
        var marker = "PLAINTEXT-MUST-NOT-LAND-4242"u8.ToArray();

        var write = await Assert.ThrowsAsync<EncryptionKeyUnavailableException>(() => app.WriteAsync(practice, "a1", marker));
        Assert.Contains("No master key is configured", write.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<EncryptionKeyUnavailableException>(() => app.WithStoreAsync(practice, store =>
            store.OpenStaging("u1", "a2", marker.Length).AppendAsync(new MemoryStream(marker), 0, default)));

        Assert.Empty(FilesUnder(Path.Combine(app.AppDataPath, "blobs")));
        Assert.Empty(FilesUnder(Path.Combine(app.AppDataPath, "uploads")));
        Assert.DoesNotContain(FilesUnder(app.AppDataPath), f => File.ReadAllBytes(f).AsSpan().IndexOf(marker) >= 0);
        Assert.False(File.Exists(Path.Combine(app.AppDataPath, "keys", "master-keys.json")));
    }

    [Fact]
    public async Task When_the_master_key_that_wrapped_the_data_key_is_gone_reads_and_writes_fail()
    {
        await using var data = await TestData.CreateAsync(DatabaseProvider.Sqlite);
        var original = ("k1", MasterKeys.NewKey());
        Portal.Core.Tenancy.TenantDescriptor practice;
        await using (var first = PortalApplication.StartOn(data, o => o.WithMasterKeys("k1", original)))
        {
            practice = await first.CreatePracticeAsync();
            await first.WriteAsync(practice, "kept", StorageTestData.Random(1000));
        }

        // A different key under the same id is as unavailable as a missing one.
        foreach (var configured in new[] { ("k2", MasterKeys.NewKey()), ("k1", MasterKeys.NewKey()) })
        {
            await using var second = PortalApplication.StartOn(data, o => o.WithMasterKeys(configured.Item1, configured));
            var read = await Assert.ThrowsAsync<EncryptionKeyUnavailableException>(() => second.ReadAsync(practice, "kept"));
            Assert.Contains("'k1'", read.Message, StringComparison.Ordinal);
            await Assert.ThrowsAsync<EncryptionKeyUnavailableException>(() => second.WriteAsync(practice, "new", [1, 2, 3]));
            Assert.False(await second.WithStoreAsync(practice, store => store.ExistsAsync("new", default)));
        }
    }

    private static List<string> FilesUnder(string folder)
        => Directory.Exists(folder) ? Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).ToList() : [];
}
