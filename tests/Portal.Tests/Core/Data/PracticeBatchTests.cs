using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Clients.Data;
using Portal.Clients.Models;
using Portal.Clients.Services;
using Portal.Core.Data;
using Portal.Core.Events;
using Portal.Core.Mail;
using Portal.Tests.Clients;
using Portal.Tests.Core.Events;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Core.Data;

/// <summary>
/// A batch's shared transaction (what the sync API's batches run in): items that throw are undone alone,
/// a service's own transaction becomes a savepoint, commits happen every few hundred items, the committed
/// items' events are queued, and the contexts work as before once the batch ends.
/// </summary>
public sealed class PracticeBatchTests(SharedAppsWithEventHandlers apps) : IClassFixture<SharedAppsWithEventHandlers>
{
    [Theory, BothDatabases]
    public async Task An_item_that_throws_is_undone_alone_and_the_others_are_committed_with_their_events(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var practice = await app.CreatePracticeAsync();
        var tag = Guid.NewGuid().ToString("N")[..8];

        // More items than one commit holds, so the transaction is committed and begun again on the way.
        var count = PracticeBatch.ItemsPerCommit + 3;
        var results = await app.InPracticeAsync(practice, sp => sp.GetRequiredService<PracticeBatches>().RunAsync<IServiceProvider, List<string>>(async batch =>
        {
            var unit = batch.GetRequiredService<PracticeBatch>();
            var clients = batch.GetRequiredService<ClientStore>();
            var outcomes = new List<string>();
            for (var i = 1; i <= count; i++)
            {
                var n = i;
                outcomes.Add(await unit.ItemAsync(
                    async () =>
                    {
                        var created = await clients.CreateAsync(Input(tag, n));
                        Assert.NotNull(created.Value);
                        return n == 2 ? throw new InvalidOperationException("The item fails after it wrote.") : "saved";
                    },
                    () => "failed",
                    CancellationToken.None));
            }

            return outcomes;
        }, CancellationToken.None));

        Assert.Equal("failed", results[1]);
        Assert.Equal(count - 1, results.Count(r => r == "saved"));
        var names = await app.InClientsDbAsync(practice, db => db.Clients.AsNoTracking().Where(c => c.Name.StartsWith(tag)).Select(c => c.Name).ToListAsync());
        Assert.Equal(count - 1, names.Count);
        Assert.DoesNotContain(Input(tag, 2).Name, names);

        // Every committed client's event is recorded and its dispatch queued when its commit happened,
        // the ones saved by contexts that joined the batch's transaction included.
        var events = await app.InPracticeAsync(practice, sp => sp.GetRequiredService<CoreTenantDbContext>().DomainEvents.AsNoTracking()
            .Where(e => e.Type == ClientCreated.EventType && e.Payload.Contains(tag)).Select(e => e.Id).ToListAsync());
        Assert.Equal(count - 1, events.Count);
        await using (var host = await app.Get<IDbContextFactory<HostDbContext>>().CreateDbContextAsync())
        {
            Assert.Equal(count - 1, await host.Jobs.AsNoTracking().CountAsync(j => events.Contains(j.Id)));
        }

        // The pooled contexts have their own connections again: plain units of work and another batch work.
        var later = await app.InPracticeAsync(practice, sp => sp.GetRequiredService<ClientStore>().CreateAsync(Input(tag, 1000)));
        Assert.NotNull(later.Value);
        var again = await app.InPracticeAsync(practice, sp => sp.GetRequiredService<PracticeBatches>().RunAsync<ClientStore, Guid?>(
            async clients => (await clients.CreateAsync(Input(tag, 1001))).Value?.Id, CancellationToken.None));
        Assert.NotNull(again);
        Assert.Equal(count + 1, await app.InClientsDbAsync(practice, db => db.Clients.CountAsync(c => c.Name.StartsWith(tag))));
    }

    [Theory, BothDatabases]
    public async Task Writes_kept_only_together_are_all_undone_when_a_row_is_refused_or_one_throws_and_kept_with_their_events_otherwise(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var practice = await app.CreatePracticeAsync();
        var tag = Guid.NewGuid().ToString("N")[..8];
        var auditBefore = (await app.AuditActionsAsync(practice)).Count;

        var outcomes = await app.InPracticeAsync(practice, sp => sp.GetRequiredService<PracticeBatches>().RunAsync<IServiceProvider, List<string>>(async batch =>
        {
            var unit = batch.GetRequiredService<PracticeBatch>();
            var clients = batch.GetRequiredService<ClientStore>();
            async Task<string> TogetherAsync(Func<Task<IReadOnlyList<SaveResult<Client>>>> create)
                => await unit.TogetherAsync(create, saved => saved.All(s => s.Succeeded), 2, CancellationToken.None) is { } kept ? $"kept {kept.Count}" : "undone";

            return
            [
                // The batch form checks row by row: the second row repeats the first's external id and is
                // refused, so the first, saved already, is undone with it.
                await TogetherAsync(() => clients.CreateManyAsync([Input(tag, 1) with { ExternalId = $"{tag}-A" }, Input(tag, 2) with { ExternalId = $"{tag}-A" }])),
                await TogetherAsync(async () => (await clients.CreateManyAsync([Input(tag, 3), Input(tag, 4)])).Count > 0 ? throw new InvalidOperationException("Fails after it wrote.") : []),
                await TogetherAsync(() => clients.CreateManyAsync([Input(tag, 5), Input(tag, 6) with { ExternalId = $"{tag}-A" }])),
                await unit.ItemAsync(async () => (await clients.CreateAsync(Input(tag, 7))).Succeeded ? "item saved" : "item refused", () => "item failed", CancellationToken.None),
            ];
        }, CancellationToken.None));

        Assert.Equal(["undone", "undone", "kept 2", "item saved"], outcomes);
        var names = await app.InClientsDbAsync(practice, db => db.Clients.AsNoTracking().Where(c => c.Name.StartsWith(tag)).OrderBy(c => c.Name).Select(c => c.Name).ToListAsync());
        Assert.Equal([Input(tag, 5).Name, Input(tag, 6).Name, Input(tag, 7).Name], names);

        // What was undone left no audit entry and no event behind: only the kept clients' are there.
        Assert.Equal(Enumerable.Repeat(ClientAuditActions.ClientCreated, 3), (await app.AuditActionsAsync(practice)).Skip(auditBefore));
        var events = await app.InPracticeAsync(practice, sp => sp.GetRequiredService<CoreTenantDbContext>().DomainEvents.AsNoTracking()
            .CountAsync(e => e.Type == ClientCreated.EventType && e.Payload.Contains(tag)));
        Assert.Equal(3, events);

        // Outside a batch nothing could be undone, so nothing runs.
        var ran = false;
        var outside = await app.InPracticeAsync(practice, sp => sp.GetRequiredService<PracticeBatch>().TogetherAsync(
            () =>
            {
                ran = true;
                return Task.FromResult("ran");
            },
            _ => true,
            1,
            CancellationToken.None));
        Assert.Equal((null, false), (outside, ran));
    }

    [Theory, BothDatabases]
    public async Task A_service_that_catches_a_failed_save_inside_an_item_goes_on_and_so_does_the_batch(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var practice = await app.CreatePracticeAsync();
        var tag = Guid.NewGuid().ToString("N")[..8];

        var results = await app.InPracticeAsync(practice, sp => sp.GetRequiredService<PracticeBatches>().RunAsync<IServiceProvider, List<string>>(async batch =>
        {
            var unit = batch.GetRequiredService<PracticeBatch>();
            var clients = batch.GetRequiredService<ClientStore>();
            var db = batch.GetRequiredService<ClientsDbContext>();
            var outcomes = new List<string>
            {
                await unit.ItemAsync(async () => (await clients.CreateAsync(Input(tag, 1) with { ExternalId = tag })).Value is null ? "refused" : "saved", () => "failed", CancellationToken.None),

                // As a service that lost a race on a unique index: its save fails, it catches that and goes on.
                await unit.ItemAsync(
                    async () =>
                    {
                        db.Clients.Add(new Client { Id = Guid.CreateVersion7(), Name = $"{tag} duplicate", NormalizedName = $"{tag} duplicate", ExternalId = tag, Status = ClientStatus.Active });
                        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
                        db.ChangeTracker.Clear();
                        return (await clients.CreateAsync(Input(tag, 2))).Value is null ? "refused" : "saved";
                    },
                    () => "failed",
                    CancellationToken.None),
                await unit.ItemAsync(async () => (await clients.CreateAsync(Input(tag, 3))).Value is null ? "refused" : "saved", () => "failed", CancellationToken.None),
            };
            return outcomes;
        }, CancellationToken.None));

        // EF's own savepoint around each save undoes only the failed one (on PostgreSQL the failed statement
        // would otherwise abort the whole transaction): the service goes on, and the batch after it.
        Assert.Equal(["saved", "saved", "saved"], results);
        var names = await app.InClientsDbAsync(practice, db => db.Clients.AsNoTracking().Where(c => c.Name.StartsWith(tag)).OrderBy(c => c.Name).Select(c => c.Name).ToListAsync());
        Assert.Equal([Input(tag, 1).Name, Input(tag, 2).Name, Input(tag, 3).Name], names);
    }

    [Theory, BothDatabases]
    public async Task A_service_transaction_inside_a_batch_is_a_savepoint_the_service_can_roll_back(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var practice = await app.CreatePracticeAsync();
        var tag = Guid.NewGuid().ToString("N")[..8];
        await app.InPracticeAsync(practice, sp => sp.GetRequiredService<PracticeBatches>().RunAsync<IServiceProvider, bool>(async batch =>
        {
            var clients = batch.GetRequiredService<ClientStore>();
            var db = batch.GetRequiredService<ClientsDbContext>();
            Assert.NotNull((await clients.CreateAsync(Input(tag, 1))).Value);
            await using (var abandoned = await db.Database.BeginOrNestTransactionAsync(CancellationToken.None))
            {
                Assert.NotNull((await clients.CreateAsync(Input(tag, 2))).Value);
            }

            await using (var kept = await db.Database.BeginOrNestTransactionAsync(CancellationToken.None))
            {
                Assert.NotNull((await clients.CreateAsync(Input(tag, 3))).Value);
                await kept.CommitAsync();
            }

            return true;
        }, CancellationToken.None));

        var names = await app.InClientsDbAsync(practice, db => db.Clients.AsNoTracking().Where(c => c.Name.StartsWith(tag)).OrderBy(c => c.Name).Select(c => c.Name).ToListAsync());
        Assert.Equal([Input(tag, 1).Name, Input(tag, 3).Name], names);
    }

    [Theory, BothDatabases]
    public async Task A_message_queued_in_a_batch_is_sent_after_the_commit_not_looked_for_before_it(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var practice = await app.CreatePracticeAsync();
        var (messageId, jobsBeforeCommit) = await app.InPracticeAsync(practice, sp => sp.GetRequiredService<PracticeBatches>().RunAsync<IServiceProvider, (Guid, int)>(async batch =>
        {
            var id = await batch.GetRequiredService<IMailOutbox>().QueueAsync(new MailDraft([$"batch-{Guid.NewGuid():N}@example.com"], "Welcome", "<p>Hello</p>", "Hello"));
            return (id, await SendJobsAsync(app, id));
        }, CancellationToken.None));

        // A job queued with the row still uncommitted would have found nothing and ended: the message
        // would have waited for the outbox sweep.
        Assert.Equal(0, jobsBeforeCommit);
        Assert.Equal(1, await SendJobsAsync(app, messageId));
    }

    private static async Task<int> SendJobsAsync(PortalApplication app, Guid messageId)
    {
        await using var host = await app.Get<IDbContextFactory<HostDbContext>>().CreateDbContextAsync();
        var id = messageId.ToString();
        return await host.Jobs.AsNoTracking().CountAsync(j => j.Type == SendOutboxMessageHandler.JobType && j.Payload.Contains(id));
    }

    private static ClientInput Input(string tag, int n) => new(ClientKind.Individual, $"{tag} client {n:D4}", [], null, null, null, null);
}
