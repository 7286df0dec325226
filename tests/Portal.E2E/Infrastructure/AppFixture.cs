using Xunit;

namespace Portal.E2E.Infrastructure;

/// <summary>
/// A class fixture owning one application process on SQLite with the demo practice, for a class that
/// needs settings of its own (otherwise <see cref="DemoAppFixture"/> shares one process); subclasses
/// name the instance (its log is artifacts/logs/e2e-{name}.log) and give the settings.
/// </summary>
public abstract class AppFixture(string name, IReadOnlyDictionary<string, string>? settings = null) : IAsyncLifetime
{
    private AppProcess? _app;

    public AppProcess App => _app ?? throw new InvalidOperationException("The application is not started.");

    public async Task InitializeAsync() => _app = await AppProcess.StartAsync(name, DatabaseProvider.Sqlite, demo: true, settings);

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}
