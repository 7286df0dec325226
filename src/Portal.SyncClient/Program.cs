using PortalSync.Hosting;

namespace PortalSync;

// An explicit entry point rather than top-level statements: a global Program type would clash with
// Portal.Web's in the tests, which see both assemblies' internals.
internal static class EntryPoint
{
    public static async Task<int> Main(string[] args)
    {
        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };

        return await PortalSyncApp.RunAsync(args, ClientEnvironment.FromProcess(), stop.Token);
    }
}
