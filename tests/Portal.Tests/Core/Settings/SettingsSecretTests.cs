using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Portal.Core.Data;
using Portal.Core.Settings;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Core.Settings;

/// <summary>
/// A secret setting (<see cref="SecretString"/>) is sealed with the practice's data key before it is
/// written, whether a page's code or a recipe sets it: the database file (SQLite) and the row
/// (PostgreSQL) hold no trace of it, no log line does, and it reads back intact.
/// </summary>
public sealed class SettingsSecretTests
{
    [Theory, BothDatabases]
    public async Task A_secret_is_unreadable_in_the_database_and_the_logs_and_reads_back_intact(DatabaseProvider provider)
    {
        var logs = new LogCapture();
        await using var app = await PortalApplication.StartAsync(provider, o => o.WithServices(TestModule.Register).WithServices(logs.Register));
        var practice = await app.CreatePracticeAsync();
        var savedByCode = "sk_live_" + Guid.NewGuid().ToString("N");
        var setByRecipe = "sk_live_" + Guid.NewGuid().ToString("N");

        await app.InPracticeAsync(practice, sp => sp.GetRequiredService<SiteSettingsStore>().SaveAsync(new TestSecretSettings { ApiKey = new SecretString(savedByCode), Label = "Payments" }));
        var first = await app.InPracticeAsync(practice, sp => sp.GetRequiredService<SiteSettingsStore>().GetAsync<TestSecretSettings>());
        Assert.Equal(savedByCode, first.ApiKey!.Reveal());
        Assert.DoesNotContain(savedByCode, first.ToString(), StringComparison.Ordinal);

        await app.RunSettingsStepAsync(practice, $"\"test-secrets\": {{ \"apiKey\": \"{setByRecipe}\" }}");
        var second = await app.InPracticeAsync(practice, sp => sp.GetRequiredService<SiteSettingsStore>().GetAsync<TestSecretSettings>());
        Assert.Equal(setByRecipe, second.ApiKey!.Reveal());
        Assert.Equal("Payments", second.Label);

        var stored = await StoredBytesAsync(app, practice.Name);
        Assert.True(Contains(stored, "sealed:v1:"), "The sealed secret was not found where the test looked, so its absence there would prove nothing.");
        Assert.False(Contains(stored, savedByCode), "The secret saved by code is readable in the database.");
        Assert.False(Contains(stored, setByRecipe), "The secret set by a recipe is readable in the database.");
        Assert.DoesNotContain(logs.Entries, entry => entry.Contains(savedByCode, StringComparison.Ordinal) || entry.Contains(setByRecipe, StringComparison.Ordinal));
        Assert.NotEmpty(logs.Entries);
    }

    [Fact]
    public async Task A_sealed_secret_copied_into_another_practice_does_not_open()
    {
        await using var app = await PortalApplication.StartAsync(DatabaseProvider.Sqlite, o => o.WithServices(TestModule.Register));
        var owner = await app.CreatePracticeAsync();
        var other = await app.CreatePracticeAsync();
        await app.InPracticeAsync(owner, sp => sp.GetRequiredService<SiteSettingsStore>().SaveAsync(new TestSecretSettings { ApiKey = new SecretString("sk_live_owner") }));
        var sealedRow = await app.InPracticeAsync(owner, sp => sp.GetRequiredService<CoreTenantDbContext>().Settings.FindAsync(TestSecretSettings.SectionName).AsTask());

        // The other practice has a data key of the same version, so only the binding to the practice can refuse it.
        await app.InPracticeAsync(other, sp => sp.GetRequiredService<SiteSettingsStore>().SaveAsync(new TestSecretSettings { ApiKey = new SecretString("sk_live_other") }));
        await app.InPracticeAsync(other, async sp =>
        {
            var db = sp.GetRequiredService<CoreTenantDbContext>();
            (await db.Settings.FindAsync(TestSecretSettings.SectionName))!.Json = sealedRow!.Json;
            await db.SaveChangesAsync();
        });

        await Assert.ThrowsAsync<Portal.Core.Crypto.EncryptionKeyUnavailableException>(
            () => app.InPracticeAsync(other, sp => sp.GetRequiredService<SiteSettingsStore>().GetAsync<TestSecretSettings>()));
    }

    /// <summary>What a reader of the database sees: the practice's SQLite files (with the write-ahead log), or its PostgreSQL row.</summary>
    private static async Task<byte[]> StoredBytesAsync(PortalApplication app, string practice)
    {
        if (app.Provider == DatabaseProvider.Sqlite)
        {
            SqliteConnection.ClearAllPools();
            var folder = app.Get<DatabaseLayout>().SitePath(practice);

            // The practice's background jobs open and close the database meanwhile, and the last connection to
            // close removes the -wal and -shm files (their pages are in portal.db by then): read the set again.
            return await Eventually.GetAsync(async () =>
            {
                var bytes = new List<byte>();
                foreach (var file in Directory.GetFiles(folder, "portal.db*"))
                {
                    try
                    {
                        await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                        using var copy = new MemoryStream();
                        await stream.CopyToAsync(copy);
                        bytes.AddRange(copy.ToArray());
                    }
                    catch (FileNotFoundException)
                    {
                        return null;
                    }
                }

                return bytes.ToArray();
            }, what: "a stable set of the practice's database files");
        }

        await using var connection = new NpgsqlConnection(app.Database!.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"SELECT \"Json\" FROM \"{app.Get<DatabaseLayout>().SchemaFor(practice)}\".\"Settings\" WHERE \"Section\" = @section", connection);
        command.Parameters.AddWithValue("section", TestSecretSettings.SectionName);
        return Encoding.UTF8.GetBytes((string)(await command.ExecuteScalarAsync())!);
    }

    private static bool Contains(byte[] haystack, string needle)
        => haystack.AsSpan().IndexOf(Encoding.UTF8.GetBytes(needle)) >= 0 || haystack.AsSpan().IndexOf(Encoding.Unicode.GetBytes(needle)) >= 0;
}
