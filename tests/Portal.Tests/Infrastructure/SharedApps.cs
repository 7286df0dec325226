using Portal.Core.Data;

namespace Portal.Tests.Infrastructure;

/// <summary>
/// One application per database provider for the tests of a class (each test makes its own
/// practices, so tests stay independent while the start-up cost is paid once). A class that moves
/// the application's clock, or a fixture whose configuration holds state of its own (a relay, an
/// emulator), uses this directly; plain classes use <see cref="SharedApps"/>, which lasts the run.
/// </summary>
public class ClassApps : IAsyncLifetime
{
    private static readonly Dictionary<(Type Fixture, DatabaseProvider Provider), Task<PortalApplication>> RunApps = [];
    private static readonly Lock RunAppsLock = new();

    private readonly Dictionary<DatabaseProvider, Task<PortalApplication>> _apps = [];
    private readonly Lock _lock = new();

    static ClassApps() => AppDomain.CurrentDomain.ProcessExit += (_, _) => DisposeRunApps();

    /// <summary>
    /// Whether every class using this fixture type shares its applications for the whole run. A
    /// start-up and the first practice cost about two seconds, paid 370 times by the suite before.
    /// </summary>
    protected virtual bool LastsTheRun => false;

    public Task<PortalApplication> For(DatabaseProvider provider)
    {
        if (LastsTheRun)
        {
            lock (RunAppsLock)
            {
                // A start that failed is tried again by the next class, not held against the rest of the run.
                var key = (GetType(), provider);
                if (!RunApps.TryGetValue(key, out var runApp) || runApp.IsFaulted)
                {
                    runApp = PortalApplication.StartAsync(provider, Configure);
                    RunApps[key] = runApp;
                }

                return runApp;
            }
        }

        lock (_lock)
        {
            if (!_apps.TryGetValue(provider, out var app))
            {
                app = PortalApplication.StartAsync(provider, Configure);
                _apps[provider] = app;
            }

            return app;
        }
    }

    public virtual Task InitializeAsync() => Task.CompletedTask;

    public virtual async Task DisposeAsync()
    {
        foreach (var app in _apps.Values)
        {
            await DisposeAsync(app);
        }
    }

    protected virtual void Configure(PortalApplicationOptions options)
    {
    }

    private static async Task DisposeAsync(Task<PortalApplication> app)
    {
        try
        {
            await (await app).DisposeAsync();
        }
        catch (InvalidOperationException)
        {
            // The app never started (the failure was reported by the test that needed it).
        }
    }

    private static void DisposeRunApps()
    {
        // Their databases and folders go with them. The test runner may end the process first: test.sh
        // removes what an earlier run left before it starts the suites.
        Task<PortalApplication>[] apps;
        lock (RunAppsLock)
        {
            apps = [.. RunApps.Values];
        }

        try
        {
            Task.WhenAll(apps.Select(DisposeAsync)).Wait(TimeSpan.FromSeconds(60));
        }
        catch (AggregateException)
        {
            // The run is over; nothing is left to report to.
        }
    }
}

/// <summary>Applications with the product's configuration, shared by every class that uses this fixture for the whole run.</summary>
public sealed class SharedApps : ClassApps
{
    protected override bool LastsTheRun => true;
}

/// <summary>Shared apps that also carry the test module (features with dependencies, a failing endpoint).</summary>
public sealed class SharedAppsWithTestModule : ClassApps
{
    protected override bool LastsTheRun => true;

    protected override void Configure(PortalApplicationOptions options) => options.WithServices(TestModule.Register);
}
