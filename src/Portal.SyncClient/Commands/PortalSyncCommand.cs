using PortalSync.Hosting;
using PortalSync.Storage;
using Spectre.Console;
using Spectre.Console.Cli;

namespace PortalSync.Commands;

/// <summary>What every command shares: its environment, and failures shown as one sentence with an exit code (never a stack trace).</summary>
internal abstract class PortalSyncCommand<TSettings>(ClientEnvironment environment) : AsyncCommand<TSettings>
    where TSettings : CommandSettings
{
    protected ClientEnvironment Environment { get; } = environment;

    protected IAnsiConsole Console => Environment.Console;

    protected ClientFiles Files { get; } = new(environment.ConfigDirectory);

    public sealed override async Task<int> ExecuteAsync(CommandContext context, TSettings settings, CancellationToken cancellationToken)
    {
        try
        {
            return await RunAsync(settings, cancellationToken);
        }
        catch (FatalException e)
        {
            Console.MarkupLineInterpolated($"[red]{e.Message}[/]");
            return e.ExitCode;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Console.MarkupLine("Stopped; the next run continues where this one stopped.");
            return 130;
        }
        catch (Exception e) when (e is HttpRequestException or IOException or UnauthorizedAccessException or System.Text.Json.JsonException or Microsoft.Data.Sqlite.SqliteException)
        {
            Console.MarkupLineInterpolated($"[red]{e.Message}[/]");
            return ExitCodes.Failed;
        }
    }

    protected abstract Task<int> RunAsync(TSettings settings, CancellationToken cancellationToken);
}
