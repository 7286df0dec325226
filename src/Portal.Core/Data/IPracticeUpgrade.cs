namespace Portal.Core.Data;

/// <summary>
/// A change to a practice's data that a migration cannot make because it needs the application's
/// services (the practice's keys, its blob store): run by <see cref="TenantMigrator"/> after the
/// migrations, in a unit of work of the practice, whenever its schema stamp is not current (after an
/// upgrade, and at setup, where there is nothing to change yet). Its <see cref="Id"/> is part of the
/// stamp, so adding an upgrade runs it once for every existing practice. Must be idempotent: an
/// interrupted start runs it again.
/// </summary>
public interface IPracticeUpgrade
{
    string Id { get; }

    Task RunAsync(IServiceProvider practiceServices, CancellationToken cancellationToken);
}
