using Portal.Core;

namespace Portal.Web;

/// <summary>Runs a module's command instead of serving (see <see cref="IPortalCommand"/>).</summary>
public static class PortalCommands
{
    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        var commands = app.Services.GetServices<IPortalCommand>().ToDictionary(c => c.Name, StringComparer.OrdinalIgnoreCase);
        if (!commands.TryGetValue(args[0], out var command))
        {
            await Console.Error.WriteLineAsync($"Unknown command '{args[0]}'. Commands:");
            foreach (var known in commands.Values.OrderBy(c => c.Name, StringComparer.Ordinal))
            {
                await Console.Error.WriteLineAsync($"  {known.Name,-16} {known.Description}");
            }

            return 2;
        }

        // Bring the stores up to date exactly as a start would, without serving or running jobs, and without
        // the embedded Stripe emulator: a command takes no payments, and the demo's onboarding then skips.
        foreach (var service in app.Services.GetServices<IHostedService>().OfType<IHostedLifecycleService>().Where(s => s is not Payments.EmbeddedStripeEmulator))
        {
            await service.StartingAsync(CancellationToken.None);
        }

        return await command.RunAsync(args.Skip(1).ToList(), Console.Out, CancellationToken.None);
    }
}
