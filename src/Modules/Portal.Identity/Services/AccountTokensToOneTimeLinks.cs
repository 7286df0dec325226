using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Data;
using Portal.Identity.Data;

namespace Portal.Identity.Services;

/// <summary>
/// Moves the links Identity kept in its own <c>AccountTokens</c> table into Core's one-time links, as
/// they are (same hash, purpose, expiry and use), so an invitation or reset e-mailed before the upgrade
/// still works once afterwards. An upgrade rather than a migration: each module's migrations must build
/// its schema on their own, and Core's table is not Identity's. Copy and delete are one transaction, so
/// an interrupted start just runs it again.
/// </summary>
internal sealed class AccountTokensToOneTimeLinks : IPracticeUpgrade
{
    public string Id => "identity-account-tokens-to-one-time-links";

    public async Task RunAsync(IServiceProvider practiceServices, CancellationToken cancellationToken)
    {
        var db = practiceServices.GetRequiredService<UsersDbContext>();
        if (!await db.AccountTokens.AnyAsync(cancellationToken))
        {
            return;
        }

        await using var transaction = await db.Database.BeginOrNestTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlRawAsync(
            """
            INSERT INTO "OneTimeLinks" ("Id", "Purpose", "SubjectId", "TokenHash", "Data", "CreatedAt", "ExpiresAt", "UsedAt")
            SELECT "Id", "Purpose", "UserId", "TokenHash", "Data", "CreatedAt", "ExpiresAt", "UsedAt" FROM "AccountTokens"
            """,
            cancellationToken);
        await db.AccountTokens.ExecuteDeleteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
