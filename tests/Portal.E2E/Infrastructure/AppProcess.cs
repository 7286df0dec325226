using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Npgsql;

namespace Portal.E2E.Infrastructure;

/// <summary>
/// The real application (bin/{Configuration}/net10.0/Portal.Web.dll) running as a child process on
/// a free port, with its own data folder and, on PostgreSQL, its own database. Disposing stops the
/// process tree, drops the database and deletes the folder; the captured console output is kept in
/// artifacts/logs/e2e-{name}.log (overwritten by the next run) for diagnosis.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    public const string OperatorEmail = "operator@e2e.example";
    public const string OperatorPassword = "Operator-E2E-Pass-2026";
    public const string DemoPassword = "Demo-E2E-Pass-2026";

    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly string _dataPath;
    private readonly string? _databaseName;
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

    /// <summary>A practice's own address: http://{name}.localhost:{port}.</summary>
    public string PracticeUrl(string name) => $"http://{name}.localhost:{Port}";

    /// <summary>A practice's address under the platform's: http://localhost:{port}/t/{name}.</summary>
    public string PracticePathUrl(string name) => $"{BaseUrl}/t/{name}";

    /// <summary>Everything the process wrote to stdout and stderr so far.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <param name="settings">
    /// Extra configuration for this instance, as environment variables (e.g.
    /// <c>Portal__Identity__InvitationLifetime</c> = <c>00:00:05</c>); they override the defaults set here.
    /// </param>
    public static async Task<AppProcess> StartAsync(string name, DatabaseProvider provider, bool demo, IReadOnlyDictionary<string, string>? settings = null)
    {
        var appDirectory = TestEnvironment.ApplicationDirectory;
        var appDll = Path.Combine(appDirectory, "Portal.Web.dll");
        if (!File.Exists(appDll))
        {
            throw new InvalidOperationException(
                $"{appDll} does not exist. Build the application first: dotnet build Portal.sln -c {TestEnvironment.Configuration} (./test.sh does).");
        }

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

        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet")
        {
            WorkingDirectory = appDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(appDll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://localhost:{port}");

        var environment = start.Environment;
        environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        environment["Logging__Console__FormatterOptions__TimestampFormat"] = "HH:mm:ss.fff ";
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
            process.Start();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            await app.WaitUntilReadyAsync();
            return app;
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Runs <c>Portal.Web.dll {args}</c> (a command, such as <c>verify-audit --all</c>) with this
    /// instance's configuration and data, the way <c>./run.sh {command}</c> does; returns its exit code
    /// and everything it printed.
    /// </summary>
    public async Task<(int ExitCode, string Output)> RunCommandAsync(params string[] args)
    {
        var start = new ProcessStartInfo(_process.StartInfo.FileName)
        {
            WorkingDirectory = _process.StartInfo.WorkingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(_process.StartInfo.ArgumentList[0]);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in _process.StartInfo.Environment)
        {
            start.Environment[key] = value;
        }

        using var command = Process.Start(start) ?? throw new InvalidOperationException("The command did not start.");
        var stdout = command.StandardOutput.ReadToEndAsync();
        var stderr = command.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(ReadyTimeout);
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
                $"'{string.Join(' ', args)}' did not finish within {ReadyTimeout.TotalSeconds} s.\n--- its output ---\n{await stdout}{await stderr}");
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
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }

            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (InvalidOperationException)
        {
            // Never started.
        }
        catch (OperationCanceledException)
        {
            // Did not exit in time; nothing more to do than report it in the log.
            Append("[e2e] the application did not exit within 15 s of being killed");
        }

        _process.Dispose();
        SaveLog();

        if (_databaseName is not null)
        {
            await using var connection = new NpgsqlConnection(TestEnvironment.PostgresConnectionString);
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = $"DROP DATABASE IF EXISTS \"{_databaseName}\" WITH (FORCE)";
            await command.ExecuteNonQueryAsync();
        }

        try
        {
            Directory.Delete(_dataPath, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover folder in /tmp does not affect other runs.
        }
    }

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

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    private async Task WaitUntilReadyAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var url = $"{BaseUrl}/health/ready";
        var stopwatch = Stopwatch.StartNew();
        string lastProblem = "no answer yet";
        while (stopwatch.Elapsed < ReadyTimeout)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException(
                    $"The application exited with code {_process.ExitCode} before {url} answered 200.\n--- application output ---\n{Output}");
            }

            try
            {
                using var response = await http.GetAsync(url);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }

                lastProblem = $"status {(int)response.StatusCode}";
            }
            catch (HttpRequestException ex)
            {
                lastProblem = ex.Message;
            }
            catch (TaskCanceledException)
            {
                lastProblem = "request timed out";
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }

        throw new TimeoutException(
            $"{url} did not answer 200 within {ReadyTimeout.TotalSeconds} s (last: {lastProblem}).\n--- application output ---\n{Output}");
    }

    private void SaveLog()
    {
        try
        {
            var folder = Path.Combine(TestEnvironment.RepositoryRoot, "artifacts", "logs");
            Directory.CreateDirectory(folder);
            File.WriteAllText(Path.Combine(folder, $"e2e-{Name}.log"), Output);
        }
        catch (IOException)
        {
            // The log is a convenience; failing to write it must not hide the test's own result.
        }
    }
}
