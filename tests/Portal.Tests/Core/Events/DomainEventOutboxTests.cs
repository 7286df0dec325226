using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Clients.Data;
using Portal.Clients.Models;
using Portal.Clients.Services;
using Portal.Core.Contracts;
using Portal.Core.Data;
using Portal.Core.Events;
using Portal.Core.Jobs;
using Portal.Core.Modules;
using Portal.Core.Settings;
using Portal.Core.Tenancy;
using Portal.Notifications.Data;
using Portal.Notifications.Models;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Core.Events;

/// <summary>The per-practice event outbox: written with the change, dispatched after the commit, retried per handler.</summary>
public sealed class DomainEventOutboxTests(SharedAppsWithEventHandlers apps) : IClassFixture<SharedAppsWithEventHandlers>
{
    [Theory, BothDatabases]
    public async Task An_event_is_written_in_the_transaction_of_its_change_and_rolled_back_with_it(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var practice = await app.CreatePracticeAsync();

        var (rolledBackClient, rolledBackEvent) = await app.InPracticeAsync(practice, async sp =>
        {
            var db = sp.GetRequiredService<ClientsDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            var (client, eventId) = AddClientAndPublish(sp, db);
            await db.SaveChangesAsync();

            // Written, but only inside the transaction: another unit of work does not see it yet.
            Assert.False(await EventExistsAsync(app, practice, eventId));
            await transaction.RollbackAsync();
            return (client, eventId);
        });

        Assert.False(await EventExistsAsync(app, practice, rolledBackEvent));
        Assert.False(await ClientExistsAsync(app, practice, rolledBackClient));
        Assert.False(await JobExistsAsync(app, rolledBackEvent), "a rolled-back event must not be dispatched");

        var (committedClient, committedEvent) = await app.InPracticeAsync(practice, async sp =>
        {
            var db = sp.GetRequiredService<ClientsDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            var (client, eventId) = AddClientAndPublish(sp, db);
            await db.SaveChangesAsync();
            Assert.False(await JobExistsAsync(app, eventId), "dispatch waits for the commit");
            await transaction.CommitAsync();
            return (client, eventId);
        });

        Assert.True(await EventExistsAsync(app, practice, committedEvent));
        Assert.True(await ClientExistsAsync(app, practice, committedClient));
        Assert.True(await JobExistsAsync(app, committedEvent), "the commit queues the event's dispatch");
    }

    [Theory, BothDatabases]
    public async Task A_module_event_is_handed_to_its_handlers_after_the_commit(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var practice = await app.CreatePracticeAsync();

        var client = await app.InPracticeAsync(practice, async sp =>
            (await sp.GetRequiredService<ClientStore>().CreateAsync(new ClientInput(ClientKind.Business, "Northwind Traders", [], null, null, null, null))).Value!);

        var calls = app.Get<HandlerCalls>();
        await Eventually.TrueAsync(() => Task.FromResult(calls.For(client.Id).Count(c => c.Handler == nameof(ClientCreatedRecorder)) == 1), what: "the ClientCreated handler to run");
        var record = await Eventually.GetAsync(
            () => InCoreAsync(app, practice, db => db.DomainEvents.AsNoTracking().SingleOrDefaultAsync(e => e.Type == ClientCreated.EventType && e.DispatchedAt != null && e.Payload.Contains(client.Id.ToString()))),
            what: "the event to be marked dispatched");
        Assert.True(record.DispatchedAt >= record.OccurredAt);
        Assert.Single(calls.For(client.Id), c => c.Handler == nameof(ClientCreatedRecorder));
    }

    [Theory, BothDatabases]
    public async Task An_event_no_handler_takes_is_written_dispatched_and_queues_no_job_while_a_handled_one_does(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var practice = await app.CreatePracticeAsync();

        var (unhandled, handled) = await app.InPracticeAsync(practice, async sp =>
        {
            var db = sp.GetRequiredService<ClientsDbContext>();
            var publisher = sp.GetRequiredService<IDomainEventPublisher>();
            publisher.Publish(db, new NobodyListens(Guid.NewGuid()));
            publisher.Publish(db, new OnlyAFeatureListens(Guid.NewGuid()));
            publisher.Publish(db, new TestHappened(Guid.NewGuid()));
            var ids = db.ChangeTracker.Entries<DomainEventRecord>().ToDictionary(e => e.Entity.Type, e => e.Entity.Id);
            await db.SaveChangesAsync();
            return ((Guid[])[ids[NobodyListens.EventType], ids[OnlyAFeatureListens.EventType]], ids[TestHappened.EventType]);
        });

        // Nobody at all, or only a handler of a feature this practice has off: done as written, nothing queued.
        foreach (var id in unhandled)
        {
            var written = await InCoreAsync(app, practice, db => db.DomainEvents.AsNoTracking().SingleAsync(e => e.Id == id));
            Assert.Equal(written.OccurredAt, written.DispatchedAt);
            Assert.False(await JobExistsAsync(app, id), "an event nobody here takes queues nothing");
        }

        Assert.True(await JobExistsAsync(app, handled), "an event a handler takes is queued");
    }

    [Theory, BothDatabases]
    public async Task An_event_its_handlers_do_not_take_queues_nothing_and_a_taken_one_reaches_only_the_handler_that_takes_it(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var practice = await app.CreatePracticeAsync();
        var (ignored, taken) = (Guid.NewGuid(), Guid.NewGuid());

        var (ignoredId, takenId) = await app.InPracticeAsync(practice, async sp =>
        {
            var db = sp.GetRequiredService<ClientsDbContext>();
            var publisher = sp.GetRequiredService<IDomainEventPublisher>();
            publisher.Publish(db, new SometimesTaken(ignored, ForFirst: false, ForSecond: false));
            publisher.Publish(db, new SometimesTaken(taken, ForFirst: true, ForSecond: false));
            var ids = db.ChangeTracker.Entries<DomainEventRecord>().ToDictionary(e => e.Entity.Payload.Contains(ignored.ToString()), e => e.Entity.Id);
            await db.SaveChangesAsync();
            return (ids[true], ids[false]);
        });

        var written = await InCoreAsync(app, practice, db => db.DomainEvents.AsNoTracking().SingleAsync(e => e.Id == ignoredId));
        Assert.Equal(written.OccurredAt, written.DispatchedAt);
        Assert.False(await JobExistsAsync(app, ignoredId), "an event no handler takes queues nothing");

        await Eventually.TrueAsync(
            async () => await InCoreAsync(app, practice, db => db.DomainEvents.AnyAsync(e => e.Id == takenId && e.DispatchedAt != null)),
            what: "the taken event to be dispatched");
        var calls = app.Get<HandlerCalls>();
        Assert.Equal([nameof(PickyRecorder)], calls.For(taken).Select(c => c.Handler));
        Assert.Empty(calls.For(ignored));
    }

    [Theory, BothDatabases]
    public async Task A_failing_handler_is_retried_without_running_again_the_handlers_that_succeeded(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var practice = await app.CreatePracticeAsync();
        var marker = Guid.NewGuid();

        var eventId = await PublishCommittedAsync(app, practice, new TestHappened(marker, FailingAttempts: 2));

        await Eventually.TrueAsync(
            async () => await InCoreAsync(app, practice, db => db.DomainEvents.AnyAsync(e => e.Id == eventId && e.DispatchedAt != null)),
            what: "the event to be dispatched once the flaky handler succeeds");
        var calls = app.Get<HandlerCalls>().For(marker);
        Assert.Equal(new[] { (1, false), (2, false), (3, true) }, calls.Where(c => c.Handler == nameof(FlakyHandler)).Select(c => (c.Attempt, c.Succeeded)));
        Assert.Equal(new[] { 1 }, calls.Where(c => c.Handler == nameof(RecordingHandler)).Select(c => c.Attempt));

        var delivered = await InCoreAsync(app, practice, db => db.DomainEventDeliveries.Where(d => d.EventId == eventId).Select(d => d.Handler).ToListAsync());
        Assert.Equal(new[] { typeof(FlakyHandler).FullName!, typeof(RecordingHandler).FullName! }, delivered.Order(StringComparer.Ordinal));
    }

    [Theory, BothDatabases]
    public async Task The_sweep_queues_an_event_whose_dispatch_was_never_queued_and_only_once(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var practice = await app.CreatePracticeAsync();
        var marker = Guid.NewGuid();

        // As a process that died right after its commit leaves it: the row, and no dispatch job.
        var eventId = Guid.CreateVersion7();
        await using (var db = OpenWithoutDispatch(app, practice))
        {
            db.DomainEvents.Add(new DomainEventRecord
            {
                Id = eventId,
                Type = TestHappened.EventType,
                Payload = $$"""{"marker":"{{marker}}","failingAttempts":0}""",
                OccurredAt = app.Clock.GetUtcNow().UtcDateTime - DomainEventSweepHandler.QuietPeriod - TimeSpan.FromSeconds(1),
            });
            await db.SaveChangesAsync();
        }

        Assert.False(await JobExistsAsync(app, eventId));
        await SweepAsync(app, practice);
        await SweepAsync(app, practice);

        await Eventually.TrueAsync(() => Task.FromResult(app.Get<HandlerCalls>().For(marker).Count == 2), what: "both handlers to run");
        await Eventually.TrueAsync(
            async () => await InCoreAsync(app, practice, db => db.DomainEvents.AnyAsync(e => e.Id == eventId && e.DispatchedAt != null)),
            what: "the event to be dispatched");
        await using var host = await app.Get<IDbContextFactory<HostDbContext>>().CreateDbContextAsync();
        Assert.Equal(1, await host.Jobs.CountAsync(j => j.Tenant == practice.Name && j.Type == DomainEventDispatchHandler.JobType && j.Payload.Contains(eventId.ToString())));
        Assert.Single(app.Get<HandlerCalls>().For(marker), c => c.Handler == nameof(RecordingHandler));
    }

    [Fact]
    public async Task A_handler_of_a_feature_runs_only_in_practices_that_have_the_feature_on()
    {
        var app = await apps.For(DatabaseProvider.Sqlite);
        var with = await app.CreatePracticeAsync();
        var without = await app.CreatePracticeAsync();
        Assert.True((await app.InPracticeAsync(without, sp => sp.GetRequiredService<TenantFeatures>().DisableAsync("Portal.Documents", default))).Succeeded);

        async Task<(Guid Client, Guid Event)> CreateClientAsync(TenantDescriptor practice) => await app.InPracticeAsync(practice, async sp =>
        {
            var db = sp.GetRequiredService<ClientsDbContext>();
            var created = AddClientAndPublish(sp, db);
            await db.SaveChangesAsync();
            return created;
        });
        var (clientWith, eventWith) = await CreateClientAsync(with);
        var (clientWithout, eventWithout) = await CreateClientAsync(without);

        foreach (var (practice, eventId) in new[] { (with, eventWith), (without, eventWithout) })
        {
            await Eventually.TrueAsync(
                async () => await InCoreAsync(app, practice, db => db.DomainEvents.AnyAsync(e => e.Id == eventId && e.DispatchedAt != null)),
                what: "the event to be dispatched");
        }

        Assert.Equal(new[] { nameof(ClientCreatedRecorder), nameof(DocumentsOnlyClientCreatedRecorder) }, app.Get<HandlerCalls>().For(clientWith).Select(c => c.Handler).Order(StringComparer.Ordinal));
        Assert.Equal(new[] { nameof(ClientCreatedRecorder) }, app.Get<HandlerCalls>().For(clientWithout).Select(c => c.Handler));
    }

    [Theory, BothDatabases]
    public async Task Retention_deletes_events_dispatched_long_ago_with_their_deliveries_and_keeps_the_rest(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var practice = await app.CreatePracticeAsync();
        var now = app.Clock.GetUtcNow().UtcDateTime;
        var old = Guid.CreateVersion7();
        var recent = Guid.CreateVersion7();
        var owed = Guid.CreateVersion7();
        await using (var db = OpenWithoutDispatch(app, practice))
        {
            DomainEventRecord Row(Guid id, DateTime occurred, DateTime? dispatched) => new()
            {
                Id = id,
                Type = TestHappened.EventType,
                Payload = $$"""{"marker":"{{Guid.NewGuid()}}","failingAttempts":0}""",
                OccurredAt = occurred,
                DispatchedAt = dispatched,
            };
            var longAgo = now - DomainEventRetentionHandler.KeptAfterDispatch - TimeSpan.FromHours(1);
            db.DomainEvents.AddRange(
                Row(old, longAgo, longAgo),
                Row(recent, longAgo, now - DomainEventRetentionHandler.KeptAfterDispatch + TimeSpan.FromHours(1)),
                Row(owed, longAgo, null));
            db.DomainEventDeliveries.AddRange(
                new DomainEventDelivery { EventId = old, Handler = "A", DeliveredAt = longAgo },
                new DomainEventDelivery { EventId = recent, Handler = "A", DeliveredAt = longAgo });
            await db.SaveChangesAsync();
        }

        await app.InPracticeAsync(practice, sp => ActivatorUtilities.CreateInstance<DomainEventRetentionHandler>(sp)
            .ExecuteAsync(new ScheduledRun(now), new JobContext(Guid.NewGuid(), practice.Name, "{}", 1, 1), CancellationToken.None));

        var left = await InCoreAsync(app, practice, db => db.DomainEvents.Where(e => e.Id == old || e.Id == recent || e.Id == owed).Select(e => e.Id).ToListAsync());
        Assert.Equal(new[] { recent, owed }.Order(), left.Order());
        var deliveries = await InCoreAsync(app, practice, db => db.DomainEventDeliveries.Where(d => d.EventId == old || d.EventId == recent).Select(d => d.EventId).ToListAsync());
        Assert.Equal(new[] { recent }, deliveries);
    }

    [Fact]
    public async Task Inviting_a_portal_user_and_signing_in_publish_their_events()
    {
        var app = await apps.For(DatabaseProvider.Sqlite);
        var practice = await app.CreatePracticeAsync();
        var invited = await app.AddClientAsync(practice);
        var signedIn = await app.AddClientAsync(practice);

        var invitation = await app.InPracticeAsync(practice, sp => sp.GetRequiredService<IUserDirectory>().InviteAsync(invited.Id, InvitationMethod.Link));
        Assert.NotEqual(InvitationOutcome.Failed, invitation.Outcome);
        await app.SignedInClientAsync(practice, signedIn);

        var events = await InCoreAsync(app, practice, db => db.DomainEvents.AsNoTracking().OrderBy(e => e.OccurredAt).ToListAsync());
        var invitedEvent = Assert.Single(events, e => e.Type == PortalUserInvited.EventType);
        Assert.Equal(invited.Id, JsonSerializer.Deserialize<PortalUserInvited>(invitedEvent.Payload, JsonSerializerOptions.Web)!.UserId);
        var signInEvent = Assert.Single(events, e => e.Type == SignedIn.EventType);
        Assert.Equal(new SignedIn(signedIn.Id, IsStaff: false, UsedSecondFactor: false), JsonSerializer.Deserialize<SignedIn>(signInEvent.Payload, JsonSerializerOptions.Web));
    }

    [Theory, BothDatabases]
    public async Task An_invitation_and_its_event_are_one_transaction(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var practice = await app.CreatePracticeAsync();
        var invited = await app.AddClientAsync(practice);

        // The reminder row and the event go in one save: rolled back together, neither remains.
        await app.InPracticeAsync(practice, async sp =>
        {
            await sp.GetRequiredService<SiteSettingsStore>().SaveAsync(new ReminderSettings { ReviewBeforeSending = true });
            var db = sp.GetRequiredService<NotificationsDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            await sp.GetRequiredService<IReminderQueue>().QueueAsync(
                new ReminderRequest("identity.invitation", invited.Id, invited.Email!, "Invitation", "{}"),
                new PortalUserInvited(invited.Id, invited.Email!));
            // Written in the transaction (read back through it), not yet queued: that waits for the commit.
            Assert.Equal(1, await db.Set<DomainEventRecord>().AsNoTracking().CountAsync(e => e.Type == PortalUserInvited.EventType));
            await transaction.RollbackAsync();
        });

        Assert.False(await InCoreAsync(app, practice, db => db.DomainEvents.AnyAsync(e => e.Type == PortalUserInvited.EventType)));
        Assert.False(await app.InPracticeAsync(practice, sp => sp.GetRequiredService<NotificationsDbContext>().Reminders.AnyAsync(r => r.UserId == invited.Id)));

        // Through the directory, committed: one reminder and one event.
        await app.InPracticeAsync(practice, sp => sp.GetRequiredService<IUserDirectory>().InviteAsync(invited.Id, InvitationMethod.Link));
        Assert.Equal(1, await InCoreAsync(app, practice, db => db.DomainEvents.CountAsync(e => e.Type == PortalUserInvited.EventType)));
        Assert.Equal(1, await app.InPracticeAsync(practice, sp => sp.GetRequiredService<NotificationsDbContext>().Reminders.CountAsync(r => r.UserId == invited.Id)));
    }

    private static (Guid Client, Guid Event) AddClientAndPublish(IServiceProvider sp, ClientsDbContext db)
    {
        var now = DateTime.UtcNow;
        var client = new Client { Id = Guid.CreateVersion7(), Kind = ClientKind.Individual, Name = "Ada Lovelace", NormalizedName = "ADA LOVELACE", Status = ClientStatus.Active, CreatedAt = now, UpdatedAt = now };
        db.Clients.Add(client);
        sp.GetRequiredService<IDomainEventPublisher>().Publish(db, new ClientCreated(client.Id, client.Name));
        return (client.Id, db.ChangeTracker.Entries<DomainEventRecord>().Single().Entity.Id);
    }

    private static Task<Guid> PublishCommittedAsync(PortalApplication app, TenantDescriptor practice, TestHappened happened)
        => app.InPracticeAsync(practice, async sp =>
        {
            var db = sp.GetRequiredService<ClientsDbContext>();
            sp.GetRequiredService<IDomainEventPublisher>().Publish(db, happened);
            var id = db.ChangeTracker.Entries<DomainEventRecord>().Single().Entity.Id;
            await db.SaveChangesAsync();
            return id;
        });

    private static Task SweepAsync(PortalApplication app, TenantDescriptor practice)
        => app.InPracticeAsync(practice, sp => ActivatorUtilities.CreateInstance<DomainEventSweepHandler>(sp)
            .ExecuteAsync(new ScheduledRun(DateTime.UtcNow), new JobContext(Guid.NewGuid(), practice.Name, "{}", 1, 1), CancellationToken.None));

    /// <summary>The practice's Core context as the migrations see it: no interceptor, so nothing is queued.</summary>
    private static CoreTenantDbContext OpenWithoutDispatch(PortalApplication app, TenantDescriptor practice)
    {
        var builder = new DbContextOptionsBuilder<CoreTenantDbContext>();
        app.Get<DatabaseLayout>().ConfigureTenant(builder, app.Get<TenantRegistry>().Find(practice.Name)!, CoreTenantDbContext.MigrationsHistoryTable);
        return new CoreTenantDbContext(builder.Options);
    }

    private static Task<T> InCoreAsync<T>(PortalApplication app, TenantDescriptor practice, Func<CoreTenantDbContext, Task<T>> query)
        => app.InPracticeAsync(practice, sp => query(sp.GetRequiredService<CoreTenantDbContext>()));

    private static Task<bool> EventExistsAsync(PortalApplication app, TenantDescriptor practice, Guid eventId)
        => InCoreAsync(app, practice, db => db.DomainEvents.AnyAsync(e => e.Id == eventId));

    private static Task<bool> ClientExistsAsync(PortalApplication app, TenantDescriptor practice, Guid clientId)
        => app.InPracticeAsync(practice, sp => sp.GetRequiredService<ClientsDbContext>().Clients.AnyAsync(c => c.Id == clientId));

    private static async Task<bool> JobExistsAsync(PortalApplication app, Guid eventId)
    {
        await using var host = await app.Get<IDbContextFactory<HostDbContext>>().CreateDbContextAsync();
        return await host.Jobs.AnyAsync(j => j.Id == eventId);
    }
}
