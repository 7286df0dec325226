using PortalSync.Commands;
using PortalSync.Hosting;
using Spectre.Console;
using Spectre.Console.Cli;

namespace PortalSync;

/// <summary>The portal-sync commands over an environment (the process's, or a test's).</summary>
internal static class PortalSyncApp
{
    public static Task<int> RunAsync(string[] args, ClientEnvironment environment, CancellationToken cancellationToken = default)
    {
        var app = new CommandApp(new ServiceRegistrar(environment));
        app.Configure(config =>
        {
            config.SetApplicationName("portal-sync");
            config.Settings.Console = environment.Console;
            config.Settings.PropagateExceptions = false;
            config.SetExceptionHandler((e, _) =>
            {
                // Wrong arguments and the like: the message, never a stack trace.
                environment.Console.MarkupLineInterpolated($"[red]{e.Message}[/]");
                return ExitCodes.Failed;
            });
            config.AddCommand<LoginCommand>("login").WithDescription("Connect this computer to a practice's portal (approve it in the browser).")
                .WithExample("login", "https://yourpractice.example.com");
            config.AddCommand<RunCommand>("run").WithDescription("Sync now: send what changed, bring back new client files, payments and messages.")
                .WithExample("run", "--data", "practice.sqlite");
            config.AddCommand<WatchCommand>("watch").WithDescription("Sync now and then every interval until stopped.").WithExample("watch", "--every", "12h");
            config.AddCommand<StatusCommand>("status").WithDescription("The portal, who approved, the last and next run.");
            config.AddCommand<LogoutCommand>("logout").WithDescription("Revoke this computer's connection and forget its tokens.");
            config.AddCommand<SampleDataCommand>("sample-data").WithDescription("Make a realistic practice data file for a demo or a test.")
                .WithExample("sample-data", "practice.sqlite", "--contacts", "200");
        });
        return app.RunAsync(args, cancellationToken);
    }
}
