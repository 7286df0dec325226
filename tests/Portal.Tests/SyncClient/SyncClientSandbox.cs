using PortalSync;
using PortalSync.Hosting;
using PortalSync.Storage;
using Spectre.Console;

namespace Portal.Tests.SyncProgram;

/// <summary>A temporary home for portal-sync in a test: its configuration folder, a console captured as text, a network of the test's choice.</summary>
internal sealed class SyncClientSandbox : IDisposable
{
    private readonly StringWriter _output = new();

    public SyncClientSandbox(Func<HttpMessageHandler>? handler = null, IBrowserLauncher? browser = null)
    {
        Folder = Path.Combine(Path.GetTempPath(), "portal-sync-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(_output),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = 400;
        Environment = new ClientEnvironment
        {
            Console = console,
            ConfigDirectory = Path.Combine(Folder, "config"),
            CreateHandler = handler ?? (() => new SocketsHttpHandler()),
            Browser = browser ?? new RefusingBrowser(),
            Retry = new RetryPolicy(3, TimeSpan.Zero, TimeSpan.Zero),
            DeviceName = "Test desk PC",
        };
    }

    public string Folder { get; }

    public ClientEnvironment Environment { get; }

    public ClientFiles Files => new(Environment.ConfigDirectory);

    public string Output => _output.ToString();

    public Task<int> RunAsync(params string[] args) => PortalSyncApp.RunAsync(args, Environment);

    public void Dispose()
    {
        _output.Dispose();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private sealed class RefusingBrowser : IBrowserLauncher
    {
        public Task<bool> OpenAsync(Uri address, CancellationToken cancellationToken) => throw new InvalidOperationException("This test opens no browser.");
    }
}
