using Xunit;

namespace Portal.E2E.Infrastructure;

/// <summary>
/// A class fixture: one application process on SQLite with the demo practice ("demo", Maple &amp;
/// Finch Accounting) created at its first start. Log: artifacts/logs/e2e-demo-sqlite.log.
/// </summary>
public sealed class DemoAppFixture : IAsyncLifetime
{
    private AppProcess? _app;

    public AppProcess App => _app ?? throw new InvalidOperationException("The application is not started.");

    public async Task InitializeAsync() => _app = await AppProcess.StartAsync("demo-sqlite", DatabaseProvider.Sqlite, demo: true);

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}
