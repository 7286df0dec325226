using Xunit;

namespace Portal.E2E.Infrastructure;

/// <summary>
/// A class fixture giving one application process per database provider, started on first use and
/// shared by the tests of the class (each test uses its own practice, so they stay independent). On
/// SQLite it is the run's shared demo application (<see cref="SharedDemoApp"/>), so no process is
/// started for it; on PostgreSQL the process starts without the demo practice and its log goes to
/// artifacts/logs/e2e-pool-postgres.log.
/// </summary>
public sealed class AppProcessPool : IAsyncLifetime
{
    private readonly SemaphoreSlim _lock = new(1, 1);
    private readonly Dictionary<DatabaseProvider, AppProcess> _apps = [];

    public async Task<AppProcess> GetAsync(DatabaseProvider provider)
    {
        await _lock.WaitAsync();
        try
        {
            if (provider == DatabaseProvider.Sqlite)
            {
                return await SharedDemoApp.GetAsync();
            }

            if (!_apps.TryGetValue(provider, out var app))
            {
                app = await AppProcess.StartAsync($"pool-{provider.ToString().ToLowerInvariant()}", provider, demo: false);
                _apps[provider] = app;
            }

            return app;
        }
        finally
        {
            _lock.Release();
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var app in _apps.Values)
        {
            await app.DisposeAsync();
        }

        _apps.Clear();
        _lock.Dispose();
    }
}
