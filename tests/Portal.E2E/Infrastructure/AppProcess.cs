using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Npgsql;

namespace Portal.E2E.Infrastructure;

/// <summary>
/// The real application (bin/{Configuration}/net10.0/Portal.Web.dll) running as a child process on
/// a free port, with its own data folder and, on PostgreSQL, its own database. Applications start one
/// at a time (<see cref="TestEnvironment.ParallelStarts"/>), and the wait for one to be ready is
/// generous but gives up on a start that has stopped moving (<see cref="AppStartLimits"/>); a start
/// that fails says what it was waiting for and shows the tail of the application's own log.
/// Disposing stops the process tree, drops the database and deletes the folder; the console output is
/// written as it comes to artifacts/logs/e2e-{name}.log (overwritten by the next run) for diagnosis.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    public const string OperatorEmail = "operator@e2e.example";
    public const string OperatorPassword = "Operator-E2E-Pass-2026";
    public const string DemoPassword = "Demo-E2E-Pass-2026";

    private const int LogTailLines = 40;
    private static readonly SemaphoreSlim StartSlots = new(TestEnvironment.ParallelStarts, TestEnvironment.ParallelStarts);

    private readonly Process _process;
    private readonly List<string> _lines = [];
    private StreamWriter? _log;
    private readonly string _dataPath;
    private readonly string? _databaseName;
    private long _launchedAt = Stopwatch.GetTimestamp();
    private long _lastOutputAt = Stopwatch.GetTimestamp();
    private bool _disposed;

    private AppProcess(string name, DatabaseProvider provider, int port, string dataPath, string? databaseName, Process process)
    {
        Name = name;
        Provider = provider;
        Port = port;
        _dataPath = dataPath;
        _databaseName = databaseName;
        _process = process;
    }

    /// <summary>Names this instance in its log file (artifacts/logs/e2e-{name}.log).</summary>
    public string Name { get; }

    public DatabaseProvider Provider { get; }

    public int Port { get; }

    /// <summary>The platform's address: http://localhost:{port} (host admin at /admin).</summary>
    public string BaseUrl => $"http://localhost:{Port}";

    /// <summary>Where the whole log is saved when the application stops.</summary>
    public string LogPath => Path.Combine(TestEnvironment.RepositoryRoot, "artifacts", "logs", $"e2e-{Name}.log");

    /// <summary>What starting this application is at, or "ready".</summary>
    public string Stage { get; private set; } = "not launched yet";

    /// <summary>A practice's own address: http://{name}.localhost:{port}.</summary>
    public string PracticeUrl(string name) => $"http://{name}.localhost:{Port}";

    /// <summary>A practice's address under the platform's: http://localhost:{port}/t/{name}.</summary>
    public string PracticePathUrl(string name) => $"{BaseUrl}/t/{name}";

    /// <summary>Everything the process wrote to stdout and stderr so far.</summary>
    public string Output
    {
        get
        {
            lock (_lines)
            {
                return string.Concat(_lines.Select(line => line + Environment.NewLine));
            }
        }
    }

    /// <param name="settings">
    /// Extra configuration for this instance, as environment variables (e.g.
    /// <c>Portal__Identity__InvitationLifetime</c> = <c>00:00:05</c>); they override the defaults set here.
    /// </param>
    /// <param name="limits">How long to wait for it to be ready; <see cref="AppStartLimits.Default"/> when null.</param>
    /// <exception cref="AppStartException">It exited, stalled or ran out of time before it was ready.</exception>
    public static async Task<AppProcess> StartAsync(
        string name,
        DatabaseProvider provider,
        bool demo,
        IReadOnlyDictionary<string, string>? settings = null,
        AppStartLimits? limits = null)
    {
        var appDirectory = TestEnvironment.ApplicationDirectory;
        var appDll = Path.Combine(appDirectory, "Portal.Web.dll");
        if (!File.Exists(appDll))
        {
            throw new InvalidOperationException(
                $"{appDll} does not exist. Build the application first: dotnet build Portal.sln -c {TestEnvironment.Configuration} (./test.sh does).");
        }

        // Several applications starting at once on a busy machine each took minutes; one after another
        // each takes seconds. The time spent waiting for a slot does not count against the start's budget.
        await StartSlots.WaitAsync();
        try
        {
            return await LaunchAsync(name, provider, demo, settings, limits ?? AppStartLimits.Default, appDirectory, appDll);
        }
        finally
        {
            StartSlots.Release();
        }
    }

    /// <summary>
    /// Runs <c>Portal.Web.dll {args}</c> (a command, such as <c>verify-audit --all</c>) with this
    /// instance's configuration and data, the way <c>./run.sh {command}</c> does; returns its exit code
    /// and everything it printed.
    /// </summary>
    public async Task<(int ExitCode, string Output)> RunCommandAsync(params string[] args)
    {
        var start = new ProcessStartInfo(DotnetHost)
        {
            WorkingDirectory = _process.StartInfo.WorkingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(TestEnvironment.ApplicationDirectory, "Portal.Web.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in _process.StartInfo.Environment)
        {
            start.Environment[key] = value;
        }

        var limit = TestEnvironment.StartTimeout;
        using var command = Process.Start(start) ?? throw new InvalidOperationException("The command did not start.");
        var stdout = command.StandardOutput.ReadToEndAsync();
        var stderr = command.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(limit);
        try
        {
            await command.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            // A hung command must not outlive the test; what it printed says where it hung.
            command.Kill(entireProcessTree: true);
            await command.WaitForExitAsync(CancellationToken.None);
            throw new TimeoutException(
                $"'{string.Join(' ', args)}' did not finish within {limit.TotalSeconds} s (PORTAL_E2E_START_TIMEOUT).\n--- its output ---\n{await stdout}{await stderr}");
        }

        return (command.ExitCode, await stdout + await stderr);
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;

        // Killing and removing the folder come first: at the end of a run the test host may be ended
        // soon after it asks its fixtures to stop.
        var started = true;
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            started = false;
        }

        try
        {
            Directory.Delete(_dataPath, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover folder in /tmp does not affect other runs.
        }

        if (started)
        {
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
                await _process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                Append("[e2e] the application did not exit within 15 s of being killed");
            }
        }

        _process.Dispose();
        CloseLog();
        if (_databaseName is not null)
        {
            await using var connection = new NpgsqlConnection(TestEnvironment.PostgresConnectionString);
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = $"DROP DATABASE IF EXISTS \"{_databaseName}\" WITH (FORCE)";
            await command.ExecuteNonQueryAsync();
        }
    }

    private static async Task<AppProcess> LaunchAsync(
        string name,
        DatabaseProvider provider,
        bool demo,
        IReadOnlyDictionary<string, string>? settings,
        AppStartLimits limits,
        string appDirectory,
        string appDll)
    {
        var smtpPort = TestEnvironment.SmtpPort;
        var postgres = provider == DatabaseProvider.Postgres ? TestEnvironment.PostgresConnectionString : null;
        var port = FreePort();
        var dataPath = Path.Combine(Path.GetTempPath(), "portal-e2e-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(dataPath);

        string? databaseName = null;
        string? connectionString = null;
        if (postgres is not null)
        {
            databaseName = "portal_e2e_" + Guid.NewGuid().ToString("N")[..12];
            await using var connection = new NpgsqlConnection(postgres);
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = $"CREATE DATABASE \"{databaseName}\"";
            await command.ExecuteNonQueryAsync();
            connectionString = new NpgsqlConnectionStringBuilder(postgres) { Database = databaseName }.ToString();
        }

        // Started through sh, which execs the application (same process id, exit code and output) after
        // leaving a watcher on the test run's end of a pipe: when the test host ends, however it ends,
        // the pipe closes and the watcher kills the application and removes its folder, so nothing
        // outlives the run (the shared demo application is stopped that way). The watcher writes
        // nowhere, so the application's output ends when the application does.
        var start = new ProcessStartInfo("/bin/sh")
        {
            WorkingDirectory = appDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(
            "exec 3<&0; (cat <&3; kill -9 $$; rm -rf \"$Portal__AppData__Path\") >/dev/null 2>&1 & exec \"$0\" \"$@\" 3<&- </dev/null");
        start.ArgumentList.Add(DotnetHost);
        start.ArgumentList.Add(appDll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://localhost:{port}");

        var environment = start.Environment;
        environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        environment["Logging__Console__FormatterOptions__TimestampFormat"] = "HH:mm:ss.fff ";

        // How long each start-up stage took, so a slow or stuck start shows where it was.
        environment["Logging__LogLevel__Portal.Core.PortalInitializer"] = "Debug";
        environment["Logging__LogLevel__Portal.Core.Recipes.RecipeExecutor"] = "Debug";

        // Requests Kestrel answers itself (timeouts, malformed or oversized requests) never reach the
        // application's own logging; a browser shows them as an error with no page.
        environment["Logging__LogLevel__Microsoft.AspNetCore.Server.Kestrel.BadRequests"] = "Debug";
        environment["Portal__AppData__Path"] = dataPath;
        environment["Portal__Database__Provider"] = provider.ToString();
        if (connectionString is not null)
        {
            environment["Portal__Database__ConnectionString"] = connectionString;
        }

        environment["Portal__Tenancy__BaseDomain"] = "localhost";
        environment["Portal__Tenancy__PublicUrl"] = $"http://localhost:{port}";
        environment["Portal__Mail__Transport"] = "Smtp";
        environment["Portal__Mail__Smtp__Host"] = "127.0.0.1";
        environment["Portal__Mail__Smtp__Port"] = smtpPort.ToString(CultureInfo.InvariantCulture);
        environment["Portal__Jobs__PollInterval"] = "00:00:00.200";
        environment["Portal__HostAdmin__Email"] = OperatorEmail;
        environment["Portal__HostAdmin__Password"] = OperatorPassword;
        environment["Portal__Demo__Enabled"] = demo ? "true" : "false";
        environment["Portal__Demo__Password"] = DemoPassword;

        // As ./run.sh: the demo's payments run on the built-in Stripe emulator (appsettings.Demo.json turns it on there).
        environment["Portal__Payments__Stripe__Emulator__Enabled"] = demo ? "true" : "false";
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            environment[key] = value;
        }

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var app = new AppProcess(name, provider, port, dataPath, databaseName, process);
        process.OutputDataReceived += (_, e) => app.Append(e.Data);
        process.ErrorDataReceived += (_, e) => app.Append(e.Data);
        try
        {
            app.Stage = "launching the process";
            app.OpenLog();
            process.Start();
            app._launchedAt = app._lastOutputAt = Stopwatch.GetTimestamp();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            await app.WaitUntilReadyAsync($"{app.BaseUrl}/health/ready", limits);
            if (demo)
            {
                await app.WaitUntilReadyAsync($"{app.PracticePathUrl(DemoPractice.Name)}/", limits);
            }

            app.Stage = "ready";
            return app;
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    private static string DotnetHost => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_lines)
        {
            _lines.Add(line);
            _log?.WriteLine(line);
        }

        Volatile.Write(ref _lastOutputAt, Stopwatch.GetTimestamp());
    }

    /// <summary>Waits until <paramref name="url"/> answers 200, for as long as the application is alive, moving and within its budget.</summary>
    private async Task WaitUntilReadyAsync(string url, AppStartLimits limits)
    {
        Stage = $"waiting for {url} to answer 200";
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var lastAnswer = "no answer yet";
        while (true)
        {
            if (_process.HasExited)
            {
                // Read what it wrote last: the reason it exited is usually there.
                await _process.WaitForExitAsync();
                throw Failure($"it exited with code {_process.ExitCode}", lastAnswer);
            }

            var quiet = Stopwatch.GetElapsedTime(Volatile.Read(ref _lastOutputAt));
            if (quiet > limits.Stall)
            {
                throw Failure($"it has written nothing to its log for {quiet.TotalSeconds:0} s (the limit, PORTAL_E2E_STALL_TIMEOUT, is {limits.Stall.TotalSeconds:0} s)", lastAnswer);
            }

            if (Stopwatch.GetElapsedTime(_launchedAt) > limits.Budget)
            {
                throw Failure($"it was still not ready {limits.Budget.TotalSeconds:0} s after its launch (PORTAL_E2E_START_TIMEOUT)", lastAnswer);
            }

            try
            {
                using var response = await http.GetAsync(url);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }

                lastAnswer = $"status {(int)response.StatusCode}";
            }
            catch (HttpRequestException ex)
            {
                lastAnswer = ex.Message;
            }
            catch (TaskCanceledException)
            {
                lastAnswer = $"no answer within {http.Timeout.TotalSeconds:0} s";
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }
    }

    private AppStartException Failure(string reason, string lastAnswer)
    {
        string[] lines;
        lock (_lines)
        {
            lines = [.. _lines];
        }

        var tail = lines.Skip(Math.Max(0, lines.Length - LogTailLines)).ToList();
        var lastLine = lines.LastOrDefault(line => !string.IsNullOrWhiteSpace(line) && !line.TrimStart().StartsWith("at ", StringComparison.Ordinal))
            ?? "(it wrote nothing)";
        var message = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"The application '{Name}' ({BaseUrl}, {Provider}) did not become ready: {reason}.")
            .AppendLine(CultureInfo.InvariantCulture, $"The test was {Stage}, {Stopwatch.GetElapsedTime(_launchedAt).TotalSeconds:0.0} s after the launch; the last answer: {lastAnswer}.")
            .AppendLine(CultureInfo.InvariantCulture, $"What the application was doing (its last log line, {Stopwatch.GetElapsedTime(Volatile.Read(ref _lastOutputAt)).TotalSeconds:0.0} s before): {lastLine}");

        // An unhandled exception's message comes before its stack trace, which can push it out of the tail.
        var errors = lines.Where(IsError).Take(5).ToList();
        if (errors.Count > 0)
        {
            message.AppendLine("Errors the application reported:").AppendJoin(Environment.NewLine, errors).AppendLine();
        }

        message.AppendLine(CultureInfo.InvariantCulture, $"--- the application's log, last {tail.Count} of {lines.Length} lines (all of it: {LogPath}) ---")
            .AppendJoin(Environment.NewLine, tail);
        return new AppStartException(message.ToString(), Stage);
    }

    /// <summary>An unhandled exception, or an entry at level Error or Critical (JSON or simple console format).</summary>
    private static bool IsError(string line)
        => line.StartsWith("Unhandled exception.", StringComparison.Ordinal)
            || line.Contains("\"LogLevel\":\"Error\"", StringComparison.Ordinal)
            || line.Contains("\"LogLevel\":\"Critical\"", StringComparison.Ordinal)
            || line.Contains(" fail: ", StringComparison.Ordinal)
            || line.Contains(" crit: ", StringComparison.Ordinal);

    /// <summary>The log is written as it arrives, so it is on disk even if the test run is ended abruptly.</summary>
    private void OpenLog()
    {
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(LogPath)!);
            _log = new StreamWriter(LogPath, append: false) { AutoFlush = true };
        }
        catch (IOException)
        {
            // The log is a convenience; failing to write it must not hide the test's own result.
        }
    }

    private void CloseLog()
    {
        lock (_lines)
        {
            _log?.Dispose();
            _log = null;
        }
    }
}
