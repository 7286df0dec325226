using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core;
using Portal.Core.Crypto;
using Portal.Core.Data;
using Portal.Core.Tenancy;
using Portal.Tests.Core.Storage;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Core.Crypto;

/// <summary>
/// Rotation re-wraps keys only: after rotate-master-key and removing the old master key from the
/// configuration, every file (and every data-protection payload) still reads.
/// </summary>
public sealed class MasterKeyRotationTests
{
    [Theory, BothDatabases]
    public async Task After_rotation_the_old_master_key_can_be_removed_and_every_file_still_reads(DatabaseProvider provider)
    {
        await using var data = await TestData.CreateAsync(provider);
        var old = ("2025-01", MasterKeys.NewKey());
        var next = ("2026-11", MasterKeys.NewKey());
        var files = new Dictionary<string, byte[]>
        {
            ["small"] = StorageTestData.Random(10),
            ["empty"] = [],
            ["multi"] = StorageTestData.Random(300_000),
        };
        var hashes = new Dictionary<string, string>();
        TenantDescriptor first, second;
        string protectedPayload;
        await using (var app = PortalApplication.StartOn(data, o => o.WithMasterKeys(old.Item1, old)))
        {
            first = await app.CreatePracticeAsync();
            second = await app.CreatePracticeAsync();
            foreach (var (key, content) in files)
            {
                hashes[key] = (await app.WriteAsync(first, key, content)).Sha256;
                await app.WriteAsync(second, key, content);
            }

            protectedPayload = app.Get<IDataProtectionProvider>().CreateProtector("rotation-test").Protect("session secret");
            Assert.All(await DataProtectionXmlAsync(app), xml => Assert.Contains($"masterKeyId=\"{old.Item1}\"", xml, StringComparison.Ordinal));
        }

        // Both keys configured, the new one active; files written now use the same data keys.
        await using (var app = PortalApplication.StartOn(data, o => o.WithMasterKeys(next.Item1, old, next)))
        {
            files["during"] = StorageTestData.Random(70_000);
            hashes["during"] = (await app.WriteAsync(first, "during", files["during"])).Sha256;

            var output = new StringWriter();
            var command = app.Services.GetServices<IPortalCommand>().Single(c => c.Name == "rotate-master-key");
            var exitCode = await command.RunAsync([], output, default);

            Assert.True(exitCode == RotateMasterKeyCommand.Succeeded, output.ToString());
            Assert.Contains($"{first.Name}: 1 data key re-wrapped; now 1 data key under {next.Item1}", output.ToString(), StringComparison.Ordinal);
            Assert.Contains($"{second.Name}: 1 data key re-wrapped", output.ToString(), StringComparison.Ordinal);

            // Idempotent: a second run has nothing left to do.
            var again = new StringWriter();
            Assert.Equal(RotateMasterKeyCommand.Succeeded, await command.RunAsync([], again, default));
            Assert.Contains($"{first.Name}: 0 data keys re-wrapped", again.ToString(), StringComparison.Ordinal);
        }

        // Only the new key is configured now.
        await using (var app = PortalApplication.StartOn(data, o => o.WithMasterKeys(next.Item1, next)))
        {
            foreach (var (key, content) in files)
            {
                Assert.Equal(content, await app.ReadAsync(first, key, hashes[key]));
            }

            foreach (var key in new[] { "small", "empty", "multi" })
            {
                Assert.Equal(files[key], await app.ReadAsync(second, key));
            }

            Assert.Equal("session secret", app.Get<IDataProtectionProvider>().CreateProtector("rotation-test").Unprotect(protectedPayload));
            Assert.All(await DataProtectionXmlAsync(app), xml => Assert.Contains($"masterKeyId=\"{next.Item1}\"", xml, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task A_new_data_key_version_is_used_for_new_files_and_old_files_keep_theirs()
    {
        await using var app = await PortalApplication.StartAsync(DatabaseProvider.Sqlite);
        var practice = await app.CreatePracticeAsync();
        var before = StorageTestData.Random(1000);
        await app.WriteAsync(practice, "before", before);

        var output = new StringWriter();
        var command = app.Services.GetServices<IPortalCommand>().Single(c => c.Name == "rotate-master-key");
        Assert.True(await command.RunAsync([RotateMasterKeyCommand.NewDataKeysOption], output, default) == RotateMasterKeyCommand.Succeeded, output.ToString());
        Assert.Contains($"{practice.Name}: 0 data keys re-wrapped, new data key version 2; now 2 data keys under ", output.ToString(), StringComparison.Ordinal);
        var after = StorageTestData.Random(1000);
        await app.WriteAsync(practice, "after", after);

        Assert.Equal(1, DataKeyVersion(await app.StoredBytesAsync(practice, "before")));
        Assert.Equal(2, DataKeyVersion(await app.StoredBytesAsync(practice, "after")));
        Assert.Equal(before, await app.ReadAsync(practice, "before"));
        Assert.Equal(after, await app.ReadAsync(practice, "after"));
    }

    [Fact]
    public async Task Data_protection_keys_are_encrypted_at_rest()
    {
        await using var app = await PortalApplication.StartAsync(DatabaseProvider.Sqlite);
        var protector = app.Get<IDataProtectionProvider>().CreateProtector("at-rest-test");
        var payload = protector.Protect("hello");

        var stored = await DataProtectionXmlAsync(app);
        Assert.NotEmpty(stored);
        foreach (var xml in stored)
        {
            var key = XElement.Parse(xml);
            Assert.DoesNotContain(key.Descendants(), e => e.Name.LocalName == "value");
            Assert.Single(key.Descendants(), e => e.Name.LocalName == "encryptedSecret");
            Assert.Contains(nameof(MasterKeyXmlDecryptor), xml, StringComparison.Ordinal);
        }

        Assert.Equal("hello", protector.Unprotect(payload));
    }

    private static int DataKeyVersion(byte[] stored) => System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(stored.AsSpan(5, 4));

    private static async Task<List<string>> DataProtectionXmlAsync(PortalApplication app)
    {
        await using var db = await app.Get<IDbContextFactory<HostDbContext>>().CreateDbContextAsync();
        return await db.DataProtectionKeys.AsNoTracking().Select(k => k.Xml).ToListAsync();
    }
}
