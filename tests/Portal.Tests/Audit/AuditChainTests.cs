using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Audit.Data;
using Portal.Audit.Services;
using Portal.Core.Contracts;
using Portal.Core.Data;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Audit;

/// <summary>The chain as the audit log writes it and as the verifier checks it.</summary>
public sealed class AuditChainTests(SharedApps apps) : IClassFixture<SharedApps>
{
    [Theory, BothDatabases]
    public async Task An_empty_trail_verifies(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var practice = await app.CreatePracticeAsync();
        await app.ChangeAsync(practice, db => db.Events.ExecuteDeleteAsync());

        var result = await app.VerifyAsync(practice);

        Assert.True(result.IsIntact);
        Assert.Equal(0, result.EventsVerified);
    }

    [Theory, BothDatabases]
    public async Task Events_recorded_through_the_audit_log_form_a_chain_that_verifies(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var practice = await app.CreatePracticeAsync();
        var action = AuditTestData.UniqueAction();

        await app.RecordManyAsync(practice, 5, i => new AuditEntry(action, "user", $"target-{i}", $"details {i}") { ActorName = $"actor-{i}@tests.example" });

        var events = await app.EventsAsync(practice);
        Assert.Equal(Enumerable.Range(1, events.Count).Select(i => (long)i), events.Select(e => e.Sequence));
        Assert.Equal(AuditHash.Genesis, events[0].PreviousHash);
        Assert.All(events.Zip(events.Skip(1)), pair => Assert.Equal(pair.First.Hash, pair.Second.PreviousHash));
        var recorded = events.Where(e => e.Action == action).ToList();
        Assert.Equal(5, recorded.Count);
        Assert.Equal("actor-3@tests.example", recorded[3].ActorName);
        Assert.Equal("target-3", recorded[3].TargetId);

        var result = await app.VerifyAsync(practice);
        Assert.True(result.IsIntact, result.Summary);
        Assert.Equal(events.Count, result.EventsVerified);
    }

    [Theory, BothDatabases]
    public async Task Fifty_concurrent_appends_get_sequences_without_gaps_and_a_valid_chain(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var practice = await app.CreatePracticeAsync();
        var before = (await app.EventsAsync(practice)).Count;
        var action = AuditTestData.UniqueAction("concurrent");

        // Each call in its own unit of work (own scope, own DbContext, own connection), as separate requests would be.
        await Task.WhenAll(Enumerable.Range(0, 50).Select(i => Task.Run(() => app.RecordAsync(practice, new AuditEntry(action, Details: $"call {i}")))));

        var events = await app.EventsAsync(practice);
        Assert.Equal(Enumerable.Range(1, before + 50).Select(i => (long)i), events.Select(e => e.Sequence));
        Assert.Equal(
            Enumerable.Range(0, 50).Select(i => $"call {i}").Order(StringComparer.Ordinal),
            events.Where(e => e.Action == action).Select(e => e.Details!).Order(StringComparer.Ordinal));
        var result = await app.VerifyAsync(practice);
        Assert.True(result.IsIntact, result.Summary);
        Assert.Equal(before + 50, result.EventsVerified);
    }

    [Theory, BothDatabases]
    public async Task A_batch_appends_only_what_it_kept_in_order_beside_other_writers_and_the_chain_verifies(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var practice = await app.CreatePracticeAsync();
        var action = AuditTestData.UniqueAction("batch");
        var outside = AuditTestData.UniqueAction("outside");

        // More items than one commit holds, so events are appended at a checkpoint and at the end.
        var count = PracticeBatch.ItemsPerCommit + 2;
        await app.InPracticeAsync(practice, sp => sp.GetRequiredService<PracticeBatches>().RunAsync<IServiceProvider, bool>(async batch =>
        {
            var unit = batch.GetRequiredService<PracticeBatch>();
            var audit = batch.GetRequiredService<IAuditLog>();
            var db = batch.GetRequiredService<AuditDbContext>();
            for (var i = 1; i <= count; i++)
            {
                var n = i;
                await unit.ItemAsync(
                    async () =>
                    {
                        await audit.RecordAsync(new AuditEntry(action, Details: $"item {n:D3}"));
                        if (n == 3)
                        {
                            throw new InvalidOperationException("The item fails after it recorded.");
                        }

                        // A service's own transaction that rolls back takes its events with it; one that commits keeps them.
                        await using (var abandoned = await db.Database.BeginOrNestTransactionAsync(CancellationToken.None))
                        {
                            await audit.RecordAsync(new AuditEntry(action, Details: $"item {n:D3} abandoned"));
                        }

                        await using (var kept = await db.Database.BeginOrNestTransactionAsync(CancellationToken.None))
                        {
                            await audit.RecordAsync(new AuditEntry(action, Details: $"item {n:D3} kept"));
                            await kept.CommitAsync();
                        }

                        return true;
                    },
                    () => false,
                    CancellationToken.None);

                if (n == PracticeBatch.ItemsPerCommit + 1)
                {
                    // The first commit carried its items' entries (two per item kept; item 3 was undone); this item's wait.
                    Assert.Equal(2 * (PracticeBatch.ItemsPerCommit - 1), (await app.EventsAsync(practice, action)).Count);
                }

                if (n == 5 && provider == DatabaseProvider.Postgres)
                {
                    // Another unit of work appends while the batch holds its events: both end up in the chain.
                    // (SQLite's batch holds the one write lock, so nobody else appends during it there.)
                    await app.RecordAsync(practice, new AuditEntry(outside, Details: "beside the batch"));
                }
            }

            return true;
        }, CancellationToken.None));

        var events = await app.EventsAsync(practice);
        Assert.Equal(Enumerable.Range(1, events.Count).Select(i => (long)i), events.Select(e => e.Sequence));
        var expected = Enumerable.Range(1, count).Where(n => n != 3).SelectMany(n => new[] { $"item {n:D3}", $"item {n:D3} kept" });
        Assert.Equal(expected, events.Where(e => e.Action == action).Select(e => e.Details!));
        if (provider == DatabaseProvider.Postgres)
        {
            var besides = Assert.Single(events, e => e.Action == outside);
            Assert.True(besides.Sequence < events.First(e => e.Action == action).Sequence, "The batch's events are appended when it commits, after what others appended meanwhile.");
        }

        var result = await app.VerifyAsync(practice);
        Assert.True(result.IsIntact, result.Summary);
        Assert.Equal(events.Count, result.EventsVerified);
    }

    [Theory, BothDatabases]
    public async Task A_changed_event_is_detected_and_named_by_its_sequence(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var practice = await app.CreatePracticeAsync();
        var action = AuditTestData.UniqueAction();
        await app.RecordManyAsync(practice, 6, i => new AuditEntry(action, Details: $"original {i}") { ActorName = $"actor-{i}@tests.example" });
        var events = await app.EventsAsync(practice, action);
        var target = events[2];

        // Details changed with EF, behind the audit log's back.
        await app.ChangeAsync(practice, db => db.Events.Where(e => e.Sequence == target.Sequence)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.Details, "nothing to see here")));
        var changedDetails = await app.VerifyAsync(practice);
        Assert.False(changedDetails.IsIntact);
        Assert.Equal(target.Sequence, changedDetails.Problem!.Sequence);
        Assert.Equal(AuditChainProblemKind.HashMismatch, changedDetails.Problem.Kind);
        Assert.Equal(target.Sequence - 1, changedDetails.EventsVerified);
        Assert.Contains($"sequence {target.Sequence}: hash does not match its contents", changedDetails.Summary, StringComparison.Ordinal);

        // Put it back: the chain is whole again. Then the actor, with plain SQL.
        await app.ChangeAsync(practice, db => db.Events.Where(e => e.Sequence == target.Sequence)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.Details, target.Details)));
        Assert.True((await app.VerifyAsync(practice)).IsIntact);
        var other = events[4].Sequence;
        await app.ChangeAsync(practice, db => db.Database.ExecuteSqlAsync($"UPDATE \"AuditEvents\" SET \"ActorName\" = {"mallory@evil.example"} WHERE \"Sequence\" = {other}"));
        var changedActor = await app.VerifyAsync(practice);
        Assert.Equal(other, changedActor.Problem!.Sequence);
        Assert.Equal(AuditChainProblemKind.HashMismatch, changedActor.Problem.Kind);
    }

    [Theory, BothDatabases]
    public async Task A_changed_event_whose_hash_was_recomputed_breaks_the_link_of_the_next(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var practice = await app.CreatePracticeAsync();
        var action = AuditTestData.UniqueAction();
        await app.RecordManyAsync(practice, 4, i => new AuditEntry(action, Details: $"original {i}"));
        var target = (await app.EventsAsync(practice, action))[1];

        target.Details = "rewritten by someone who knows the algorithm";
        var forged = AuditHash.Compute(target);
        await app.ChangeAsync(practice, db => db.Events.Where(e => e.Sequence == target.Sequence)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.Details, target.Details).SetProperty(e => e.Hash, forged)));

        var result = await app.VerifyAsync(practice);
        Assert.Equal(target.Sequence + 1, result.Problem!.Sequence);
        Assert.Equal(AuditChainProblemKind.NotLinked, result.Problem.Kind);
        Assert.Contains("does not link to the event before it", result.Summary, StringComparison.Ordinal);
    }

    [Theory, BothDatabases]
    public async Task A_deleted_event_is_detected_and_named_by_its_sequence(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var practice = await app.CreatePracticeAsync();
        var action = AuditTestData.UniqueAction();
        await app.RecordManyAsync(practice, 5, i => new AuditEntry(action, Details: $"event {i}"));
        var deleted = (await app.EventsAsync(practice, action))[2].Sequence;

        await app.ChangeAsync(practice, db => db.Events.Where(e => e.Sequence == deleted).ExecuteDeleteAsync());

        var result = await app.VerifyAsync(practice);
        Assert.Equal(deleted, result.Problem!.Sequence);
        Assert.Equal(AuditChainProblemKind.Missing, result.Problem.Kind);
        Assert.Contains($"sequence {deleted} is missing", result.Summary, StringComparison.Ordinal);
    }

    [Theory, BothDatabases]
    public async Task Verification_reads_in_batches_and_finds_problems_across_batch_boundaries(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var practice = await app.CreatePracticeAsync();
        await app.SeedChainAsync(practice, 2 * AuditVerifier.BatchSize + 150, AuditTestData.UniqueAction("bulk"));
        var total = (await app.EventsAsync(practice)).Count;

        var intact = await app.VerifyAsync(practice);
        Assert.True(intact.IsIntact, intact.Summary);
        Assert.Equal(total, intact.EventsVerified);

        // The first event of the second batch: the walk must carry the sequence and hash across queries.
        var missing = AuditVerifier.BatchSize + 1L;
        await app.ChangeAsync(practice, db => db.Events.Where(e => e.Sequence == missing).ExecuteDeleteAsync());
        var result = await app.VerifyAsync(practice);
        Assert.Equal(missing, result.Problem!.Sequence);
        Assert.Equal(AuditChainProblemKind.Missing, result.Problem.Kind);
        Assert.Equal(AuditVerifier.BatchSize, result.EventsVerified);
    }
}
