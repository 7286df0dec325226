namespace Portal.E2E.Infrastructure;

/// <summary>
/// The one application on SQLite with the demo practice that the whole test run shares: every
/// <see cref="DemoAppFixture"/> and the SQLite application of <see cref="AppProcessPool"/> use it. It
/// starts on first use and is stopped when the test run's process ends (see <see cref="AppProcess"/>).
/// A start that failed is not tried again: every class that needs it fails at once with the same
/// explanation.
/// Log: artifacts/logs/e2e-demo-sqlite.log.
/// </summary>
internal static class SharedDemoApp
{
    private static readonly Lazy<Task<AppProcess>> App = new(StartAsync);

    public static Task<AppProcess> GetAsync() => App.Value;

    private static Task<AppProcess> StartAsync() => AppProcess.StartAsync("demo-sqlite", DatabaseProvider.Sqlite, demo: true);
}
