using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Portal.Core.Data;

public static class MigrationExtensions
{
    /// <summary>
    /// Applies pending migrations. The history table is created first (idempotently) because EF reads
    /// it before creating it, which logs a failed command on every new database and buries real errors.
    /// </summary>
    public static async Task MigrateAsync(this DbContext db, CancellationToken cancellationToken = default)
    {
        await db.GetService<IHistoryRepository>().CreateIfNotExistsAsync(cancellationToken);
        await db.Database.MigrateAsync(cancellationToken);
    }
}
