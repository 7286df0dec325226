using Spectre.Console;

namespace PortalSync.Hosting;

/// <summary>Everything the commands take from the outside world, so a test can give its own console, folders, network and browser.</summary>
internal sealed class ClientEnvironment
{
    public required IAnsiConsole Console { get; init; }

    /// <summary>Where the connection, settings and state files live (readable only by the user).</summary>
    public required string ConfigDirectory { get; init; }

    public Func<HttpMessageHandler> CreateHandler { get; init; } = () => new SocketsHttpHandler { AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(5), ConnectCallback = LoopbackNames.ConnectAsync };

    public IBrowserLauncher Browser { get; init; } = new SystemBrowser();

    public TimeProvider Clock { get; init; } = TimeProvider.System;

    public RetryPolicy Retry { get; init; } = RetryPolicy.Default;

    public string DeviceName { get; init; } = Environment.MachineName;

    public static ClientEnvironment FromProcess() => new()
    {
        Console = AnsiConsole.Console,
        ConfigDirectory = DefaultConfigDirectory(),
    };

    /// <summary>PORTAL_SYNC_HOME, else the user's configuration folder ($XDG_CONFIG_HOME or ~/.config on Linux, %APPDATA% on Windows).</summary>
    public static string DefaultConfigDirectory()
    {
        var home = Environment.GetEnvironmentVariable("PORTAL_SYNC_HOME");
        return home is { Length: > 0 }
            ? home
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.ApplicationData, Environment.SpecialFolderOption.Create), "portal-sync");
    }

    public HttpClient CreateHttpClient() => new(CreateHandler(), disposeHandler: true) { Timeout = TimeSpan.FromMinutes(5) };
}
