using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Data;

namespace Portal.Core.Jobs;

/// <summary>
/// The queue's state transitions. Claiming is one UPDATE ... RETURNING statement: on PostgreSQL the
/// candidate rows are selected FOR UPDATE SKIP LOCKED, so concurrent workers on several servers never
/// take the same job; SQLite serialises writers, which gives the same guarantee on one server.
/// </summary>
public sealed class JobStore(IDbContextFactory<HostDbContext> hostDb, DatabaseLayout layout, TimeProvider clock)
{
    public async Task<IReadOnlyList<ClaimedJob>> ClaimAsync(string workerId, int batchSize, TimeSpan lease, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var skipLocked = layout.Provider == DatabaseProvider.Postgres ? "FOR UPDATE SKIP LOCKED" : "";
        var sql = $"""
            UPDATE "Jobs" SET "State" = {(int)JobState.Running}, "LockedBy" = @worker, "LockedUntil" = @until, "Attempts" = "Attempts" + 1
            WHERE "Id" IN (
                SELECT "Id" FROM "Jobs"
                WHERE ("State" = {(int)JobState.Pending} AND "RunAfter" <= @now)
                   OR ("State" = {(int)JobState.Running} AND "LockedUntil" < @now)
                ORDER BY "RunAfter"
                LIMIT @batch
                {skipLocked})
            RETURNING "Id", "Tenant", "Type", "Payload", "Attempts", "MaxAttempts"
            """;

        await using var db = await hostDb.CreateDbContextAsync(cancellationToken);
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
#pragma warning disable CA2100 // no user input in the statement; values are parameters
        command.CommandText = sql;
#pragma warning restore CA2100
        AddParameter(command, "worker", workerId);
        AddParameter(command, "until", now + lease);
        AddParameter(command, "now", now);
        AddParameter(command, "batch", batchSize);

        var jobs = new List<ClaimedJob>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            jobs.Add(new ClaimedJob(
                ReadGuid(reader, 0),
                reader.IsDBNull(1) ? null : reader.GetString(1),
                reader.GetString(2),
                reader.GetString(3),
                reader.GetInt32(4),
                reader.GetInt32(5)));
        }

        return jobs;
    }

    public async Task CompleteAsync(Guid id, string workerId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await hostDb.CreateDbContextAsync(cancellationToken);
        await db.Jobs.Where(j => j.Id == id && j.LockedBy == workerId).ExecuteUpdateAsync(
            s => s.SetProperty(j => j.State, JobState.Succeeded)
                .SetProperty(j => j.CompletedAt, now)
                .SetProperty(j => j.LockedBy, (string?)null)
                .SetProperty(j => j.LockedUntil, (DateTime?)null),
            cancellationToken);
    }

    public async Task RetryAsync(Guid id, string workerId, DateTime runAfter, string error, CancellationToken cancellationToken)
    {
        await using var db = await hostDb.CreateDbContextAsync(cancellationToken);
        await db.Jobs.Where(j => j.Id == id && j.LockedBy == workerId).ExecuteUpdateAsync(
            s => s.SetProperty(j => j.State, JobState.Pending)
                .SetProperty(j => j.RunAfter, runAfter)
                .SetProperty(j => j.LastError, error)
                .SetProperty(j => j.LockedBy, (string?)null)
                .SetProperty(j => j.LockedUntil, (DateTime?)null),
            cancellationToken);
    }

    public async Task FailAsync(Guid id, string workerId, string error, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await hostDb.CreateDbContextAsync(cancellationToken);
        await db.Jobs.Where(j => j.Id == id && j.LockedBy == workerId).ExecuteUpdateAsync(
            s => s.SetProperty(j => j.State, JobState.Failed)
                .SetProperty(j => j.LastError, error)
                .SetProperty(j => j.CompletedAt, now)
                .SetProperty(j => j.LockedBy, (string?)null)
                .SetProperty(j => j.LockedUntil, (DateTime?)null),
            cancellationToken);
    }

    /// <summary>Puts a job back without counting the attempt (shutdown, practice not ready).</summary>
    public async Task ReleaseAsync(Guid id, string workerId, DateTime runAfter, CancellationToken cancellationToken)
    {
        await using var db = await hostDb.CreateDbContextAsync(cancellationToken);
        await db.Jobs.Where(j => j.Id == id && j.LockedBy == workerId).ExecuteUpdateAsync(
            s => s.SetProperty(j => j.State, JobState.Pending)
                .SetProperty(j => j.RunAfter, runAfter)
                .SetProperty(j => j.Attempts, j => j.Attempts - 1)
                .SetProperty(j => j.LockedBy, (string?)null)
                .SetProperty(j => j.LockedUntil, (DateTime?)null),
            cancellationToken);
    }

    public async Task<int> DeleteSucceededBeforeAsync(DateTime before, CancellationToken cancellationToken)
    {
        await using var db = await hostDb.CreateDbContextAsync(cancellationToken);
        return await db.Jobs.Where(j => j.State == JobState.Succeeded && j.CompletedAt < before).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>Makes a practice's waiting jobs due now (they waited while it was being set up).</summary>
    public async Task RunPendingNowAsync(string tenant, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await hostDb.CreateDbContextAsync(cancellationToken);
        await db.Jobs.Where(j => j.Tenant == tenant && j.State == JobState.Pending && j.RunAfter > now)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.RunAfter, now), cancellationToken);
    }

    /// <summary>
    /// Drops every job and schedule row of a practice whose setup was rolled back, including one a worker holds right now:
    /// the worker's later release or completion is conditional on the row, so it cannot bring it back.
    /// </summary>
    public async Task DeleteAllForTenantAsync(string tenant, CancellationToken cancellationToken)
    {
        await using var db = await hostDb.CreateDbContextAsync(cancellationToken);
        await db.Jobs.Where(j => j.Tenant == tenant).ExecuteDeleteAsync(cancellationToken);
        await db.PracticeJobSchedules.Where(s => s.Tenant == tenant).ExecuteDeleteAsync(cancellationToken);
    }

    private static void AddParameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    private static Guid ReadGuid(DbDataReader reader, int ordinal)
        => reader.GetFieldType(ordinal) == typeof(Guid) ? reader.GetGuid(ordinal) : Guid.Parse(reader.GetString(ordinal));
}
