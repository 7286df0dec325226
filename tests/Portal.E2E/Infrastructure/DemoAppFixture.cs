using Xunit;

namespace Portal.E2E.Infrastructure;

/// <summary>
/// A class fixture: the application on SQLite with the demo practice ("demo", Maple &amp; Finch
/// Accounting) created at its first start. Every class using it shares one process
/// (<see cref="SharedDemoApp"/>), so tests that change the demo practice use names of their own.
/// Log: artifacts/logs/e2e-demo-sqlite.log.
/// </summary>
public sealed class DemoAppFixture : IAsyncLifetime
{
    private AppProcess? _app;

    public AppProcess App => _app ?? throw new InvalidOperationException("The application is not started.");

    public async Task InitializeAsync() => _app = await SharedDemoApp.GetAsync();

    /// <summary>Nothing to do: the shared process stops when the test run ends.</summary>
    public Task DisposeAsync() => Task.CompletedTask;
}
