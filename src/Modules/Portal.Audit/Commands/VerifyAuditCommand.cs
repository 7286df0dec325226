using Microsoft.Extensions.DependencyInjection;
using Portal.Audit.Services;
using Portal.Core;
using Portal.Core.Tenancy;

namespace Portal.Audit.Commands;

/// <summary>
/// <c>verify-audit {practice}</c> or <c>verify-audit --all</c>: verifies audit chains from the command
/// line, e.g. from a scheduled job. Exit code 0 when every chain is intact, 1 when any is broken (or
/// could not be read), 2 for a usage error such as an unknown practice.
/// </summary>
public sealed class VerifyAuditCommand(TenantRegistry registry, TenantScopeFactory scopes) : IPortalCommand
{
    public const int Intact = 0;
    public const int Broken = 1;
    public const int UsageError = 2;

    public string Name => "verify-audit";

    public string Description => "Check the audit trail of a practice (or --all) for changed or deleted events.";

    public async Task<int> RunAsync(IReadOnlyList<string> arguments, TextWriter output, CancellationToken cancellationToken)
    {
        if (arguments.Count != 1 || arguments[0].Length == 0)
        {
            await output.WriteLineAsync("Usage: verify-audit <practice-name> | --all");
            return UsageError;
        }

        List<TenantDescriptor> practices;
        if (arguments[0] == "--all")
        {
            practices = registry.Current.ByName.Values.Where(HasDatabase).OrderBy(t => t.Name, StringComparer.Ordinal).ToList();
            if (practices.Count == 0)
            {
                await output.WriteLineAsync("There are no practices to verify.");
                return Intact;
            }
        }
        else if (registry.Find(arguments[0]) is not { } practice)
        {
            await output.WriteLineAsync($"Unknown practice '{arguments[0]}'.");
            return UsageError;
        }
        else if (!HasDatabase(practice))
        {
            await output.WriteLineAsync($"Practice '{practice.Name}' is {practice.State}: it has no audit trail yet.");
            return UsageError;
        }
        else
        {
            practices = [practice];
        }

        var exitCode = Intact;
        foreach (var tenant in practices)
        {
            var line = await VerifyAsync(tenant, cancellationToken);
            await output.WriteLineAsync(line.Text);
            if (!line.Intact)
            {
                exitCode = Broken;
            }
        }

        return exitCode;
    }

    private async Task<(bool Intact, string Text)> VerifyAsync(TenantDescriptor tenant, CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateScope(tenant);
            var result = await scope.ServiceProvider.GetRequiredService<AuditVerifier>().VerifyAsync(cancellationToken);
            return result.Problem is { } problem
                ? (false, $"{tenant.Name}: chain broken at sequence {problem.Sequence}: {problem.Reason} ({Events(result.EventsVerified)} verified before it)")
                : (true, $"{tenant.Name}: {Events(result.EventsVerified)}, chain intact");
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // One unreadable practice must not keep --all from reporting on the others.
            return (false, $"{tenant.Name}: could not be verified: {exception.Message}");
        }
    }

    private static string Events(long count) => count == 1 ? "1 event" : $"{count} events";

    private static bool HasDatabase(TenantDescriptor tenant) => tenant.State is TenantState.Running or TenantState.Disabled;
}
