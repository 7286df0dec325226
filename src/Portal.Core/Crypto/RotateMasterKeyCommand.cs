using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Tenancy;

namespace Portal.Core.Crypto;

/// <summary>
/// <c>rotate-master-key</c>: re-wraps every practice's data keys and the stored data-protection keys
/// with the active master key (<see cref="EncryptionOptions.ActiveMasterKeyId"/>). Files are not
/// touched: they are encrypted with the data keys, which do not change. Run it after making the new
/// key active while the old one is still configured; once it reports success everywhere, the old key
/// can be removed. Safe to run again (only keys under another master key are re-wrapped).
/// With <c>--new-data-keys</c> each practice also starts a new data-key version for new files (after a
/// data key may have been exposed; existing files keep theirs). Each practice's line ends with how many
/// of its data keys each master key now wraps, so the run shows what is left under an old key.
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

    public const string NewDataKeysOption = "--new-data-keys";

    public string Description => $"Re-wrap every practice's data keys and the data-protection keys with the active master key ({NewDataKeysOption}: also start new data keys for new files).";

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
        var newDataKeys = arguments.Contains(NewDataKeysOption, StringComparer.Ordinal);
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
                var started = newDataKeys ? $", new data key version {(await keys.CreateNextVersionAsync(cancellationToken)).Version}" : "";
                var wrapping = await keys.CountByMasterKeyAsync(cancellationToken);
                await output.WriteLineAsync($"{tenant.Name}: {Keys(count)} re-wrapped{started}; now {string.Join(", ", wrapping.OrderBy(w => w.Key, StringComparer.Ordinal).Select(w => $"{Keys(w.Value)} under {w.Key}"))}");
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
