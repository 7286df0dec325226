using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Tenancy;

namespace Portal.Core.Crypto;

/// <summary>
/// <c>rotate-master-key</c>: re-wraps every practice's data keys and the stored data-protection keys
/// with the active master key (<see cref="EncryptionOptions.ActiveMasterKeyId"/>). Files are not
/// touched: they are encrypted with the data keys, which do not change. Run it after making the new
/// key active while the old one is still configured; once it reports success everywhere, the old key
/// can be removed. Safe to run again (only keys under another master key are re-wrapped).
/// Exit code 0 on success, 1 when anything could not be re-wrapped.
/// </summary>
public sealed class RotateMasterKeyCommand(
    TenantRegistry registry,
    TenantScopeFactory scopes,
    MasterKeyRing masterKeys,
    DataProtectionKeyRewrapper dataProtection) : IPortalCommand
{
    public const int Succeeded = 0;
    public const int Failed = 1;

    public string Name => "rotate-master-key";

    public string Description => "Re-wrap every practice's data keys and the data-protection keys with the active master key.";

    public async Task<int> RunAsync(IReadOnlyList<string> arguments, TextWriter output, CancellationToken cancellationToken)
    {
        string active;
        try
        {
            active = masterKeys.ActiveKeyId;
        }
        catch (EncryptionKeyUnavailableException ex)
        {
            await output.WriteLineAsync(ex.Message);
            return Failed;
        }

        await output.WriteLineAsync($"Active master key: {active}");
        var exitCode = Succeeded;
        var practices = registry.Current.ByName.Values
            .Where(t => t.State is TenantState.Running or TenantState.Disabled)
            .OrderBy(t => t.Name, StringComparer.Ordinal);
        foreach (var tenant in practices)
        {
            try
            {
                await using var scope = scopes.CreateScope(tenant);
                var keys = scope.ServiceProvider.GetRequiredService<DataKeyStore>();
                var count = await keys.RewrapAsync(cancellationToken);
                await output.WriteLineAsync($"{tenant.Name}: {Keys(count)} re-wrapped");
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // One practice's problem (e.g. its old master key is already gone) must not stop the others.
                exitCode = Failed;
                await output.WriteLineAsync($"{tenant.Name}: FAILED: {ex.Message}");
            }
        }

        try
        {
            var count = await dataProtection.RewrapAsync(cancellationToken);
            await output.WriteLineAsync($"data-protection keys: {count} re-encrypted");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            exitCode = Failed;
            await output.WriteLineAsync($"data-protection keys: FAILED: {ex.Message}");
        }

        await output.WriteLineAsync(exitCode == Succeeded
            ? "Done. Keys no longer used by anything can now be removed from the configuration."
            : "Some keys were not re-wrapped; keep every old master key configured until a run succeeds.");
        return exitCode;
    }

    private static string Keys(int count) => count == 1 ? "1 data key" : $"{count} data keys";
}
