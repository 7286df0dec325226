using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Portal.Tests.Infrastructure;

/// <summary>
/// The real application (src/Portal.Web/bin/{Configuration}/net10.0/Portal.Web.dll) as a child process
/// over a test's data, for tests that must end it the hard way (<see cref="KillAsync"/>, SIGKILL).
/// </summary>
public sealed class PortalProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly List<string> _output = [];

    private PortalProcess(Process process, int port)
    {
        _process = process;
        Port = port;
    }

    public int Port { get; }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return string.Join(Environment.NewLine, _output);
            }
        }
    }

    /// <param name="settings">Extra configuration as environment variables (<c>Portal__Jobs__WorkerEnabled</c> = <c>false</c>).</param>
    public static async Task<PortalProcess> StartAsync(TestData data, IReadOnlyDictionary<string, string>? settings = null)
    {
        var dll = Path.Combine(RepositoryRoot(), "src", "Portal.Web", "bin", Configuration(), "net10.0", "Portal.Web.dll");
        if (!File.Exists(dll))
        {
            throw new InvalidOperationException($"{dll} does not exist: build the solution first.");
        }

        var port = FreePort();
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://localhost:{port}");
        var environment = start.Environment;
        environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        environment["Logging__Console__FormatterName"] = "simple";
        environment["Portal__AppData__Path"] = data.AppDataPath;
        environment["Portal__Database__Provider"] = data.Provider.ToString();
        if (data.Database is not null)
        {
            environment["Portal__Database__ConnectionString"] = data.Database.ConnectionString;
        }

        environment["Portal__Tenancy__BaseDomain"] = "localhost";
        environment["Portal__Tenancy__PublicUrl"] = $"http://localhost:{port}";
        environment["Portal__Mail__Transport"] = "Pickup";
        environment["Portal__Jobs__PollInterval"] = "00:00:00.100";
        environment["Portal__Jobs__RetryBaseDelay"] = "00:00:00.200";
        environment["Portal__HostAdmin__Email"] = PortalApplicationOptions.OperatorEmail;
        environment["Portal__HostAdmin__Password"] = PortalApplicationOptions.OperatorPassword;
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            environment[key] = value;
        }

        var process = new Process { StartInfo = start };
        var app = new PortalProcess(process, port);
        process.OutputDataReceived += (_, e) => app.Append(e.Data);
        process.ErrorDataReceived += (_, e) => app.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
            await Eventually.TrueAsync(
                async () =>
                {
                    if (process.HasExited)
                    {
                        throw new InvalidOperationException($"The application exited with code {process.ExitCode}:{Environment.NewLine}{app.Output}");
                    }

                    try
                    {
                        return (await http.GetAsync(new Uri($"http://localhost:{port}/health/ready"))).StatusCode == HttpStatusCode.OK;
                    }
                    catch (HttpRequestException)
                    {
                        return false;
                    }
                    catch (TaskCanceledException)
                    {
                        // A start-up still busy (practices' migrations on a loaded machine) answers late: not ready yet.
                        return false;
                    }
                },
                TimeSpan.FromMinutes(2),
                "the application process to be ready");
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        return app;
    }

    /// <summary>A browser-like client (cookies, no redirects) for a practice, under its /t/{name} prefix.</summary>
    public HttpClient PracticeClient(string practice)
        => new(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
        {
            BaseAddress = new Uri($"http://localhost:{Port}/t/{practice}/"),
        };

    /// <summary>SIGKILL: no shutdown, no flushing, as a crash or an OOM kill.</summary>
    public async Task KillAsync()
    {
        _process.Kill();
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.Add(line);
            }
        }
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Portal.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("Portal.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>Release when the tests were built in Release (bin/Release/...), otherwise Debug.</summary>
    private static string Configuration()
        => AppContext.BaseDirectory.Contains(Path.DirectorySeparatorChar + "Release" + Path.DirectorySeparatorChar, StringComparison.Ordinal) ? "Release" : "Debug";

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
