using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Portal.Core.Data;
using Portal.Identity.Data;

namespace Portal.Identity.Services;

/// <summary>
/// Makes "a seat is free, so take it" one step: the seat count and the change that takes a seat (a new staff
/// account, a re-enabled one) run in a transaction that holds the practice's staff-seat lock, so two invitations
/// at once cannot both see the last seat. On PostgreSQL the lock is a transaction advisory lock named after the
/// practice's schema; on SQLite the transaction begins IMMEDIATE (Microsoft.Data.Sqlite's default), which takes the
/// database's write lock at once, and the second writer waits for the first to commit.
/// </summary>
internal static class StaffSeatLock
{
    private const string PostgresProvider = "Npgsql.EntityFrameworkCore.PostgreSQL";

    public static async Task<IDbContextTransaction> BeginAsync(UsersDbContext db, CancellationToken cancellationToken)
    {
        var transaction = await db.Database.BeginOrNestTransactionAsync(cancellationToken);
        if (db.Database.ProviderName == PostgresProvider)
        {
            await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(hashtext(current_schema() || ':staff-seats'))", cancellationToken);
        }

        return transaction;
    }
}
