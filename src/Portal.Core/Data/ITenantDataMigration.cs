namespace Portal.Core.Data;

/// <summary>
/// Work on a practice's data that the SQL of a schema migration cannot express, such as rewriting
/// stored text (Orchard's data migrations). <see cref="TenantMigrator"/> runs every registered one,
/// in a unit of work of the practice, after the practice's schema migrations, each time those run
/// (at setup, and at a start that brings new migrations). So each must be cheap when there is nothing
/// to do and idempotent; a schema migration can leave it a marker, as
/// <see cref="Migrations.Tenant.SetHandlebarsTemplatesAside"/> does for <see cref="Mail.MailTemplatesToLiquid"/>.
/// </summary>
public interface ITenantDataMigration
{
    Task MigrateAsync(CancellationToken cancellationToken);
}
