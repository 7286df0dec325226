using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Portal.Core.Data;

namespace Portal.Tests.Infrastructure;

/// <summary>
/// The real application, hosted in-process on SQLite or PostgreSQL, with its own App_Data folder
/// (and PostgreSQL database). Jobs run with short intervals; mail goes to a pickup folder unless a
/// test asks for the SMTP server.
/// </summary>
public sealed class PortalApplication : WebApplicationFactory<Program>
{
    public const string PasswordHashIterations = "Portal:Identity:PasswordHashIterations";

    private readonly Dictionary<string, string?> _settings;
    private readonly List<Action<IServiceCollection>> _services;
    private readonly bool _ownsData;

    private PortalApplication(DatabaseProvider provider, string appData, PostgresDatabase? database, Dictionary<string, string?> settings, List<Action<IServiceCollection>> services, bool ownsData)
    {
        Provider = provider;
        AppDataPath = appData;
        Database = database;
        _settings = settings;
        _services = services;
        _ownsData = ownsData;
    }

    public DatabaseProvider Provider { get; }

    public string AppDataPath { get; }

    public PostgresDatabase? Database { get; }

    public TestClock Clock { get; } = new();

    public string PickupDirectory => Path.Combine(AppDataPath, "mail");

    public static async Task<PortalApplication> StartAsync(DatabaseProvider provider, Action<PortalApplicationOptions>? configure = null)
    {
        var options = new PortalApplicationOptions();
        configure?.Invoke(options);
        var data = await TestData.CreateAsync(provider);
        var app = new PortalApplication(provider, data.AppDataPath, data.Database, Settings(provider, data.AppDataPath, data.Database, options), options.Services, ownsData: true);
        app.EnsureStarted();
        return app;
    }

    /// <summary>An application over data the test owns: it can be stopped and another started on the same data.</summary>
    public static PortalApplication StartOn(TestData data, Action<PortalApplicationOptions>? configure = null)
    {
        var options = new PortalApplicationOptions();
        configure?.Invoke(options);
        var app = new PortalApplication(data.Provider, data.AppDataPath, data.Database, Settings(data.Provider, data.AppDataPath, data.Database, options), options.Services, ownsData: false);
        app.EnsureStarted();
        return app;
    }

    public T Get<T>()
        where T : notnull => Services.GetRequiredService<T>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.ConfigureAppConfiguration(configuration => configuration.AddInMemoryCollection(_settings));
        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
            foreach (var configure in _services)
            {
                configure(services);
            }
        });
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (!_ownsData)
        {
            return;
        }

        await new TestData(Provider, AppDataPath, Database).DisposeAsync();
    }

    private void EnsureStarted() => _ = Server;

    private static Dictionary<string, string?> Settings(DatabaseProvider provider, string appData, PostgresDatabase? database, PortalApplicationOptions options)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Portal:AppData:Path"] = appData,
            ["Portal:Database:Provider"] = provider.ToString(),
            ["Portal:Database:ConnectionString"] = database?.ConnectionString,
            ["Portal:Tenancy:BaseDomain"] = "localhost",
            ["Portal:Tenancy:PublicUrl"] = "http://localhost",
            ["Portal:Tenancy:RegistryPollInterval"] = "00:00:01",
            ["Portal:Mail:Transport"] = "Pickup",
            ["Portal:Jobs:PollInterval"] = "00:00:00.100",
            ["Portal:Jobs:RetryBaseDelay"] = "00:00:00.200",
            ["Portal:Jobs:Lease"] = "00:00:05",
            ["Portal:HostAdmin:Email"] = PortalApplicationOptions.OperatorEmail,
            ["Portal:HostAdmin:Password"] = PortalApplicationOptions.OperatorPassword,
            ["Logging:Console:FormatterName"] = "simple",

            // Tests make thousands of users and sign-ins; at the production count (210,000) hashing was
            // an eighth of the suite's CPU. Hashes record their own count, and SignInTests checks the
            // product's default on an application without this line.
            [PasswordHashIterations] = "1000",
        };
        foreach (var (key, value) in options.Settings)
        {
            // A null value means the product's own default.
            if (value is null)
            {
                settings.Remove(key);
            }
            else
            {
                settings[key] = value;
            }
        }

        return settings;
    }
}

public sealed class PortalApplicationOptions
{
    public const string OperatorEmail = "operator@tests.example";
    public const string OperatorPassword = "Operator-Test-Pass-2026";

    public Dictionary<string, string?> Settings { get; } = [];

    public List<Action<IServiceCollection>> Services { get; } = [];

    public PortalApplicationOptions Set(string key, string? value)
    {
        Settings[key] = value;
        return this;
    }

    public PortalApplicationOptions WithServices(Action<IServiceCollection> configure)
    {
        Services.Add(configure);
        return this;
    }

    public PortalApplicationOptions UseSmtpServer()
        => Set("Portal:Mail:Transport", "Smtp")
            .Set("Portal:Mail:Smtp:Host", "127.0.0.1")
            .Set("Portal:Mail:Smtp:Port", TestEnvironment.SmtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
}
