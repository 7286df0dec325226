using System.Diagnostics;
using System.Threading.Channels;

namespace Portal.E2E.Infrastructure;

/// <summary>
/// portal-sync as a person runs it: the built program (src/Portal.SyncClient) in a process of its own,
/// with its own profile folder (PORTAL_SYNC_HOME), its output read line by line as it comes.
/// </summary>
public sealed class SyncProgram : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Channel<string> _lines = Channel.CreateUnbounded<string>();
    private readonly List<string> _all = [];

    private SyncProgram(Process process)
    {
        _process = process;
    }

    public static string ProgramPath => Path.Combine(TestEnvironment.RepositoryRoot, "src", "Portal.SyncClient", "bin", TestEnvironment.Configuration, "net10.0", "portal-sync.dll");

    /// <summary>Everything the program wrote so far (for assertion messages).</summary>
    public string Output
    {
        get
        {
            lock (_all)
            {
                return string.Join(Environment.NewLine, _all);
            }
        }
    }

    public static SyncProgram Start(string home, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(ProgramPath);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["PORTAL_SYNC_HOME"] = home;
        start.Environment["NO_COLOR"] = "1";
        start.Environment["COLUMNS"] = "200";
        var process = Process.Start(start) ?? throw new InvalidOperationException("portal-sync did not start.");
        var program = new SyncProgram(process);
        process.OutputDataReceived += (_, e) => program.Add(e.Data);
        process.ErrorDataReceived += (_, e) => program.Add(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return program;
    }

    /// <summary>Runs the program to its end and returns its exit code and output.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(string home, params string[] arguments)
    {
        await using var program = Start(home, arguments);
        var code = await program.WaitForExitAsync();
        return (code, program.Output);
    }

    /// <summary>The first line (from now on) that matches.</summary>
    public async Task<string> WaitForLineAsync(Func<string, bool> matches)
    {
        using var timeout = new CancellationTokenSource(TestEnvironment.StallTimeout);
        try
        {
            while (true)
            {
                var line = await _lines.Reader.ReadAsync(timeout.Token);
                if (matches(line))
                {
                    return line;
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or ChannelClosedException)
        {
            throw new InvalidOperationException($"portal-sync never printed the line waited for. It printed:{Environment.NewLine}{Output}", e);
        }
    }

    public bool HasExited => _process.HasExited;

    /// <summary>Ends the program as <c>kill -9</c> does (SIGKILL): no clean-up of its own runs.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async Task<int> WaitForExitAsync()
    {
        using var timeout = new CancellationTokenSource(TestEnvironment.StallTimeout * 3);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException e)
        {
            throw new InvalidOperationException($"portal-sync did not end. It printed:{Environment.NewLine}{Output}", e);
        }

        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private void Add(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_all)
        {
            _all.Add(line);
        }

        _lines.Writer.TryWrite(line);
    }
}
