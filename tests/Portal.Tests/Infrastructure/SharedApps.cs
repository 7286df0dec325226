using Portal.Core.Data;

namespace Portal.Tests.Infrastructure;

/// <summary>
/// One application per database provider, shared by the tests of a class (each test makes its own
/// practices, so tests stay independent while the start-up cost is paid once).
/// </summary>
public class SharedApps : IAsyncLifetime
{
    private readonly Dictionary<DatabaseProvider, Task<PortalApplication>> _apps = [];
    private readonly Lock _lock = new();

    public Task<PortalApplication> For(DatabaseProvider provider)
    {
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
            try
            {
                await (await app).DisposeAsync();
            }
            catch (InvalidOperationException)
            {
                // The app never started (the failure was reported by the test that needed it).
            }
        }
    }

    protected virtual void Configure(PortalApplicationOptions options)
    {
    }
}

/// <summary>Shared apps that also carry the test module (features with dependencies, a failing endpoint).</summary>
public sealed class SharedAppsWithTestModule : SharedApps
{
    protected override void Configure(PortalApplicationOptions options) => options.WithServices(TestModule.Register);
}
