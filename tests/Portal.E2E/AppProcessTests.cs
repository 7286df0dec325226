using System.Net;
using System.Net.Sockets;
using Portal.E2E.Infrastructure;
using Xunit;

namespace Portal.E2E;

/// <summary>
/// The harness that starts the application: classes share one demo application instead of starting
/// one each, and a start that goes wrong says what the test was waiting for and what the application
/// itself last wrote, whether the application exits or stops moving.
/// </summary>
public sealed class AppProcessTests
{
    [Fact]
    public async Task Every_class_that_needs_the_demo_application_shares_one_process()
    {
        var first = new DemoAppFixture();
        var second = new DemoAppFixture();
        var pool = new AppProcessPool();
        await first.InitializeAsync();
        await second.InitializeAsync();

        Assert.Same(first.App, second.App);
        Assert.Same(first.App, await pool.GetAsync(DatabaseProvider.Sqlite));

        await first.DisposeAsync();
        await pool.DisposeAsync();
        Assert.Equal("ready", second.App.Stage);
        Assert.Equal(System.Net.HttpStatusCode.OK, await StatusAsync($"{second.App.BaseUrl}/health/ready"));
    }

    [Fact]
    public async Task An_application_that_exits_while_starting_is_reported_with_its_own_log_and_what_the_test_waited_for()
    {
        // A setting the application refuses at start: PostgreSQL without a connection string.
        var settings = new Dictionary<string, string>
        {
            ["Portal__Database__Provider"] = "Postgres",
            ["Portal__Database__ConnectionString"] = "",
        };

        var failure = await Assert.ThrowsAsync<AppStartException>(
            () => AppProcess.StartAsync("refused-setting", DatabaseProvider.Sqlite, demo: false, settings));

        Assert.Matches(@"did not become ready: it exited with code [1-9]\d*\.", failure.Message);
        Assert.Matches(@"The test was waiting for http://localhost:\d+/health/ready to answer 200", failure.Message);
        Assert.StartsWith("waiting for http://localhost:", failure.Stage, StringComparison.Ordinal);
        Assert.Contains("--- the application's log, last", failure.Message, StringComparison.Ordinal);
        Assert.Contains("e2e-refused-setting.log", failure.Message, StringComparison.Ordinal);

        // The application's own words about what went wrong, picked out of its log.
        var reported = failure.Message[failure.Message.IndexOf("Errors the application reported:", StringComparison.Ordinal)..];
        Assert.Contains(
            "Portal:Database:ConnectionString is required when Portal:Database:Provider is Postgres.",
            reported[..reported.IndexOf("--- the application's log", StringComparison.Ordinal)],
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_application_that_stops_moving_while_starting_is_given_up_with_its_log_and_what_the_test_waited_for()
    {
        // A "database server" that accepts connections and never answers: the start hangs in silence.
        using var silentServer = new TcpListener(IPAddress.Loopback, 0);
        silentServer.Start();
        var port = ((IPEndPoint)silentServer.LocalEndpoint).Port;
        var settings = new Dictionary<string, string>
        {
            ["Portal__Database__Provider"] = "Postgres",
            ["Portal__Database__ConnectionString"] =
                $"Host=127.0.0.1;Port={port};Username=portal;Password=portal;Database=portal;Timeout=1024;Command Timeout=1024;Pooling=false",
        };
        var limits = new AppStartLimits(Budget: TestEnvironment.StartTimeout, Stall: TimeSpan.FromSeconds(5));

        var failure = await Assert.ThrowsAsync<AppStartException>(
            () => AppProcess.StartAsync("silent-database", DatabaseProvider.Sqlite, demo: false, settings, limits));

        Assert.Contains("did not become ready: it has written nothing to its log for", failure.Message, StringComparison.Ordinal);
        Assert.Contains("(the limit, PORTAL_E2E_STALL_TIMEOUT, is 5 s)", failure.Message, StringComparison.Ordinal);
        Assert.Matches(@"The test was waiting for http://localhost:\d+/health/ready to answer 200", failure.Message);
        Assert.Contains("What the application was doing (its last log line,", failure.Message, StringComparison.Ordinal);
        Assert.Contains("e2e-silent-database.log", failure.Message, StringComparison.Ordinal);
    }

    private static async Task<System.Net.HttpStatusCode> StatusAsync(string url)
    {
        using var http = new HttpClient();
        using var response = await http.GetAsync(url);
        return response.StatusCode;
    }
}
