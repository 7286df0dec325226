using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Tenancy;

namespace Portal.Core.Data;

/// <summary>
/// Applies every module's migrations to a practice's database, then the data upgrades
/// (<see cref="IPracticeUpgrade"/>). All module schemas exist in every practice (features gate
/// behaviour, not tables), so enabling a feature never needs a migration.
/// </summary>
public sealed class TenantMigrator(TenantScopeFactory scopes, IEnumerable<TenantDbContextRegistration> contexts, IEnumerable<IPracticeUpgrade> upgrades)
{
    private readonly IReadOnlyList<IPracticeUpgrade> _upgrades = upgrades.ToList();

    private string? _stamp;

    public IReadOnlyList<TenantDbContextRegistration> Contexts { get; } = contexts.ToList();

    public async Task MigrateAsync(TenantDescriptor tenant, CancellationToken cancellationToken)
    {
        foreach (var registration in Contexts)
        {
            await using var scope = scopes.CreateScope(tenant);
            var db = (DbContext)scope.ServiceProvider.GetRequiredService(registration.ContextType);
            await db.MigrateAsync(cancellationToken);
        }

        foreach (var upgrade in _upgrades)
        {
            await using var scope = scopes.CreateScope(tenant);
            await upgrade.RunAsync(scope.ServiceProvider, cancellationToken);
        }
    }

    /// <summary>A hash of every migration and upgrade id the host knows; equal stamps mean nothing to apply.</summary>
    public string CurrentStamp()
    {
        if (_stamp is not null)
        {
            return _stamp;
        }

        // Listing migrations needs a context but no connection: a placeholder practice is enough.
        var placeholder = new TenantDescriptor("stamp", "stamp", TenantState.Uninitialized, [], [], 0, "stamp");
        var ids = new List<string>();
        foreach (var registration in Contexts)
        {
            using var scope = scopes.CreateScope(placeholder);
            var db = (DbContext)scope.ServiceProvider.GetRequiredService(registration.ContextType);
            ids.Add(registration.HistoryTable);
            ids.AddRange(db.Database.GetMigrations());
        }

        ids.AddRange(_upgrades.Select(u => "upgrade:" + u.Id));

        _stamp = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', ids))))[..32];
        return _stamp;
    }
}
