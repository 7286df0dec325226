using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Portal.Core.Crypto;
using Portal.Core.Data;
using Portal.Tests.Core.Storage;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Core.Crypto;

public sealed class EncryptionOptionsTests
{
    [Fact]
    public void Production_without_master_keys_does_not_start()
    {
        var result = Validate(Environments.Production, new EncryptionOptions());

        Assert.True(result.Failed);
        Assert.Contains("No master key is configured", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Portal:Encryption:MasterKeys", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Production_may_not_generate_a_development_key()
    {
        var options = WithKeys(("a", MasterKeys.NewKey()));
        options.GenerateDevelopmentKey = true;
        Assert.True(Validate(Environments.Production, options).Failed);
    }

    [Fact]
    public void Production_with_valid_keys_starts()
    {
        var options = WithKeys(("a", MasterKeys.NewKey()), ("b", MasterKeys.NewKey()));
        options.ActiveMasterKeyId = "b";
        Assert.True(Validate(Environments.Production, options).Succeeded);
    }

    [Theory]
    [InlineData("not base64!")]
    [InlineData("AAAA")]
    [InlineData("")]
    public void A_key_that_is_not_32_bytes_of_base64_is_refused(string key)
    {
        var result = Validate(Environments.Production, WithKeys(("a", key)));
        Assert.True(result.Failed);
        Assert.Contains("base64 of exactly 32 bytes", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Several_keys_need_an_active_one_that_exists()
    {
        var options = WithKeys(("a", MasterKeys.NewKey()), ("b", MasterKeys.NewKey()));
        Assert.True(Validate(Environments.Production, options).Failed);
        options.ActiveMasterKeyId = "c";
        Assert.Contains("'c' is not one of", Validate(Environments.Production, options).FailureMessage, StringComparison.Ordinal);
        var duplicate = WithKeys(("a", MasterKeys.NewKey()), ("a", MasterKeys.NewKey()));
        duplicate.ActiveMasterKeyId = "a";
        Assert.True(Validate(Environments.Production, duplicate).Failed);
    }

    [Theory]
    [InlineData("Development")]
    [InlineData("Demo")]
    public void Development_and_demo_generate_a_key_once_into_app_data(string environment)
    {
        var appData = Path.Combine(Path.GetTempPath(), "portal-tests", Guid.NewGuid().ToString("N")[..12]);
        try
        {
            var first = PostConfigure(environment, appData);
            var second = PostConfigure(environment, appData);

            var file = Path.Combine(appData, "keys", "master-keys.json");
            Assert.True(File.Exists(file));
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
            }

            var key = Assert.Single(first.MasterKeys);
            Assert.Equal(key.Id, first.ActiveMasterKeyId);
            Assert.Equal(key.Key, Assert.Single(second.MasterKeys).Key);
            Assert.Equal(32, Convert.FromBase64String(key.Key).Length);
            Assert.True(Validate(environment, first).Succeeded);
        }
        finally
        {
            Directory.Delete(appData, recursive: true);
        }
    }

    [Fact]
    public void Production_and_configured_keys_never_generate_one()
    {
        var appData = Path.Combine(Path.GetTempPath(), "portal-tests", Guid.NewGuid().ToString("N")[..12]);
        Assert.Empty(PostConfigure(Environments.Production, appData).MasterKeys);
        Assert.Equal("mine", Assert.Single(PostConfigure("Development", appData, WithKeys(("mine", MasterKeys.NewKey()))).MasterKeys).Id);
        Assert.False(Directory.Exists(Path.Combine(appData, "keys")));
    }

    [Fact]
    public async Task The_test_environment_runs_on_a_generated_key_that_survives_a_restart()
    {
        await using var data = await TestData.CreateAsync(DatabaseProvider.Sqlite);
        Portal.Core.Tenancy.TenantDescriptor practice;
        var content = StorageTestData.Random(5000);
        await using (var app = PortalApplication.StartOn(data))
        {
            practice = await app.CreatePracticeAsync();
            await app.WriteAsync(practice, "kept", content);
        }

        await using var again = PortalApplication.StartOn(data);
        Assert.Equal(content, await again.ReadAsync(practice, "kept"));
    }

    private static EncryptionOptions WithKeys(params (string Id, string Key)[] keys)
    {
        var options = new EncryptionOptions();
        options.MasterKeys.AddRange(keys.Select(k => new MasterKeyOptions { Id = k.Id, Key = k.Key }));
        return options;
    }

    private static ValidateOptionsResult Validate(string environment, EncryptionOptions options)
        => new EncryptionOptionsValidator(new HostingEnvironment { EnvironmentName = environment }).Validate(null, options);

    private static EncryptionOptions PostConfigure(string environment, string appData, EncryptionOptions? options = null)
    {
        options ??= new EncryptionOptions();
        var hosting = new HostingEnvironment { EnvironmentName = environment, ContentRootPath = appData };
        var layout = new DatabaseLayout(Options.Create(new DatabaseOptions()), Options.Create(new AppDataOptions { Path = appData }), hosting);
        new DevelopmentMasterKey(hosting, layout, NullLogger<DevelopmentMasterKey>.Instance).PostConfigure(null, options);
        return options;
    }
}
