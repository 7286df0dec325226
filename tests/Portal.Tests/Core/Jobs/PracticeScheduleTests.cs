using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Data;
using Portal.Core.Jobs;
using Portal.Core.Tenancy;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Core.Jobs;

/// <summary>
/// Practice recurring jobs: declared once by a module, queued once per running practice and
/// occurrence, at the time the cron expression names in the practice's own zone, each practice's run
/// a job of its own.
/// </summary>
public sealed class PracticeScheduleTests
{
    private static readonly TimeZoneInfo Toronto = TimeZoneInfo.FindSystemTimeZoneById("America/Toronto");

    [Theory, BothDatabases]
    public async Task A_practice_job_runs_once_per_practice_and_night_at_two_where_the_practice_is(DatabaseProvider provider)
    {
        await using var app = await PortalApplication.StartAsync(provider, WithNightlyJob);
        var day = NightWithoutClockChange(Toronto);
        app.Clock.Freeze(At(day, 1, 30, Toronto));
        var toronto = await app.CreatePracticeAsync();
        var utc = await app.CreatePracticeAsync();
        await ChooseTimeZoneAsync(app, toronto, "America/Toronto");

        var schedules = await WaitForSchedulesAsync(app, (toronto.Name, "America/Toronto"), (utc.Name, "UTC"));
        Assert.Equal(At(day, 2, 0, Toronto), schedules[toronto.Name].NextRunAt);
        Assert.Equal(At(day.AddDays(1), 2, 0, TimeZoneInfo.Utc), schedules[utc.Name].NextRunAt);

        // 02:30 in Toronto: Toronto's 02:00 has come; UTC's was hours ago, before the practice existed, and its next is tomorrow.
        app.Clock.Advance(TimeSpan.FromHours(1));
        await WaitForSucceededRunsAsync(app, toronto, 1);
        await PassesOnAsync(app);
        Assert.Equal([new NightlyRun(toronto.Name, At(day, 2, 0, Toronto), 1)], NightlyJobHandler.RunsOf(toronto.Name));
        Assert.Single(await JobsAsync(app, toronto));
        Assert.Empty(await JobsAsync(app, utc));

        // A day later each has had its night once more, and only once.
        app.Clock.Advance(TimeSpan.FromDays(1));
        await WaitForSucceededRunsAsync(app, toronto, 2);
        await WaitForSucceededRunsAsync(app, utc, 1);
        await PassesOnAsync(app);
        Assert.Equal(
            [new NightlyRun(toronto.Name, At(day, 2, 0, Toronto), 1), new NightlyRun(toronto.Name, At(day.AddDays(1), 2, 0, Toronto), 1)],
            NightlyJobHandler.RunsOf(toronto.Name));
        Assert.Equal([new NightlyRun(utc.Name, At(day.AddDays(1), 2, 0, TimeZoneInfo.Utc), 1)], NightlyJobHandler.RunsOf(utc.Name));
        Assert.Equal(2, (await JobsAsync(app, toronto)).Count);
        Assert.Single(await JobsAsync(app, utc));
    }

    [Fact]
    public async Task Two_servers_on_postgresql_queue_each_practice_run_once()
    {
        await using var data = await TestData.CreateAsync(DatabaseProvider.Postgres);
        await using var serverA = PortalApplication.StartOn(data, WithNightlyJob);
        await using var serverB = PortalApplication.StartOn(data, WithNightlyJob);
        var day = NightWithoutClockChange(TimeZoneInfo.Utc);
        var start = At(day, 1, 30, TimeZoneInfo.Utc);
        serverA.Clock.Freeze(start);
        serverB.Clock.Freeze(start);

        var practices = new List<TenantDescriptor>();
        for (var i = 0; i < 6; i++)
        {
            practices.Add(await serverA.CreatePracticeAsync());
        }

        await Eventually.TrueAsync(
            () => Task.FromResult(practices.All(p => serverB.Get<TenantRegistry>().Find(p.Name) is { State: TenantState.Running })),
            what: "the second server to see every practice running");
        await WaitForSchedulesAsync(serverA, [.. practices.Select(p => (p.Name, "UTC"))]);

        // 02:30 on both servers. Both already poll for due runs; on top of that they race each other here.
        serverA.Clock.Advance(TimeSpan.FromHours(1));
        serverB.Clock.Advance(TimeSpan.FromHours(1));
        await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() => (i % 2 == 0 ? serverA : serverB).Get<RecurringJobScheduler>().EnqueueDueAsync(default))));

        foreach (var practice in practices)
        {
            await WaitForSucceededRunsAsync(serverA, practice, 1);
        }

        await PassesOnAsync(serverA);
        await PassesOnAsync(serverB);
        foreach (var practice in practices)
        {
            Assert.Single(await JobsAsync(serverA, practice));
            Assert.Equal([new NightlyRun(practice.Name, At(day, 2, 0, TimeZoneInfo.Utc), 1)], NightlyJobHandler.RunsOf(practice.Name));
        }
    }

    [Theory, BothDatabases]
    public async Task A_practice_whose_run_throws_does_not_stop_the_others_and_is_retried_on_its_own(DatabaseProvider provider)
    {
        await using var app = await PortalApplication.StartAsync(provider, WithNightlyJob);
        var day = NightWithoutClockChange(TimeZoneInfo.Utc);
        app.Clock.Freeze(At(day, 1, 30, TimeZoneInfo.Utc));
        var first = await app.CreatePracticeAsync();
        var failing = await app.CreatePracticeAsync();
        var last = await app.CreatePracticeAsync();
        NightlyJobHandler.FailingAttempts[failing.Name] = 1;
        await WaitForSchedulesAsync(app, (first.Name, "UTC"), (failing.Name, "UTC"), (last.Name, "UTC"));

        app.Clock.Advance(TimeSpan.FromHours(1));
        await WaitForSucceededRunsAsync(app, first, 1);
        await WaitForSucceededRunsAsync(app, last, 1);
        var failed = await Eventually.GetAsync(
            async () => Assert.Single(await JobsAsync(app, failing)) is { State: JobState.Pending, Attempts: 1, LastError: not null } job ? job : null,
            what: "the failing practice's run to wait for its retry");
        Assert.Contains($"Planned failure of {failing.Name}'s run, attempt 1", failed.LastError, StringComparison.Ordinal);

        // Its retry comes after the backoff, runs for that practice alone and succeeds.
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        await WaitForSucceededRunsAsync(app, failing, 1);
        var scheduledAt = At(day, 2, 0, TimeZoneInfo.Utc);
        Assert.Equal([new NightlyRun(failing.Name, scheduledAt, 1), new NightlyRun(failing.Name, scheduledAt, 2)], NightlyJobHandler.RunsOf(failing.Name));
        Assert.Equal([new NightlyRun(first.Name, scheduledAt, 1)], NightlyJobHandler.RunsOf(first.Name));
        Assert.Equal([new NightlyRun(last.Name, scheduledAt, 1)], NightlyJobHandler.RunsOf(last.Name));
    }

    [Theory, BothDatabases]
    public async Task A_switched_off_practice_is_skipped_and_makes_up_the_missed_night_once_when_it_is_back(DatabaseProvider provider)
    {
        await using var app = await PortalApplication.StartAsync(provider, WithNightlyJob);
        var day = NightWithoutClockChange(TimeZoneInfo.Utc);
        app.Clock.Freeze(At(day, 1, 30, TimeZoneInfo.Utc));
        var open = await app.CreatePracticeAsync();
        var closed = await app.CreatePracticeAsync();
        await WaitForSchedulesAsync(app, (open.Name, "UTC"), (closed.Name, "UTC"));
        await app.Get<TenantStore>().SetStateAsync(closed.Name, TenantState.Disabled, default);
        await Eventually.TrueAsync(() => Task.FromResult(app.Get<TenantRegistry>().Find(closed.Name) is { State: TenantState.Disabled }), what: "the practice to be switched off");

        app.Clock.Advance(TimeSpan.FromHours(1));
        await WaitForSucceededRunsAsync(app, open, 1);
        await PassesOnAsync(app);
        Assert.Empty(await JobsAsync(app, closed));

        // Back on the next morning: the night it missed is run once, not once per pass or per missed occurrence.
        app.Clock.Advance(TimeSpan.FromDays(1));
        await app.Get<TenantStore>().SetStateAsync(closed.Name, TenantState.Running, default);
        await WaitForSucceededRunsAsync(app, closed, 1);
        await PassesOnAsync(app);
        Assert.Single(await JobsAsync(app, closed));
        Assert.Equal([new NightlyRun(closed.Name, At(day, 2, 0, TimeZoneInfo.Utc), 1)], NightlyJobHandler.RunsOf(closed.Name));
    }

    [Theory, BothDatabases]
    public async Task A_practice_job_queued_without_a_practice_by_the_earlier_version_is_dropped(DatabaseProvider provider)
    {
        await using var app = await PortalApplication.StartAsync(provider);
        var id = Guid.CreateVersion7();
        await using (var db = await app.Get<IDbContextFactory<HostDbContext>>().CreateDbContextAsync())
        {
            var now = app.Clock.GetUtcNow().UtcDateTime;
            db.Jobs.Add(new JobRecord { Id = id, Type = "mail.sweep", Payload = "{}", State = JobState.Pending, MaxAttempts = 1, RunAfter = now, CreatedAt = now });
            await db.SaveChangesAsync();
        }

        await Eventually.TrueAsync(
            async () =>
            {
                await using var db = await app.Get<IDbContextFactory<HostDbContext>>().CreateDbContextAsync();
                return await db.Jobs.AnyAsync(j => j.Id == id && j.State == JobState.Succeeded && j.LastError == null);
            },
            what: "the old sweep to be put away without an error");
    }

    [Fact]
    public void A_schedule_that_is_not_a_cron_expression_stops_the_start_naming_the_job()
    {
        var services = new ServiceCollection();

        var error = Assert.Throws<InvalidOperationException>(() => services.AddPracticeRecurringJob<NightlyJobHandler>("61 2 * * *"));

        Assert.Contains("'61 2 * * *' of recurring job test.nightly", error.Message, StringComparison.Ordinal);
        Assert.Empty(services);
    }

    private static void WithNightlyJob(PortalApplicationOptions options)
        => options.Set("Portal:Jobs:RecurringCheckInterval", "00:00:00")
            .WithServices(services => services.AddPracticeRecurringJob<NightlyJobHandler>(NightlyJobHandler.Schedule));

    /// <summary>A coming day (tomorrow or later) on which <paramref name="zone"/> does not change its clocks, so 01:30 to 02:30 is one hour.</summary>
    private static DateOnly NightWithoutClockChange(TimeZoneInfo zone)
    {
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, zone)).AddDays(1);
        while (zone.GetUtcOffset(At(day, 0, 0, zone)) != zone.GetUtcOffset(At(day.AddDays(2), 0, 0, zone)))
        {
            day = day.AddDays(1);
        }

        return day;
    }

    /// <summary>The UTC instant of a wall-clock time in a zone.</summary>
    private static DateTime At(DateOnly day, int hour, int minute, TimeZoneInfo zone)
        => TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(new TimeOnly(hour, minute)), zone);

    private static async Task ChooseTimeZoneAsync(PortalApplication app, TenantDescriptor practice, string zone)
    {
        var admin = await app.SignedInClientAsync(practice, await app.AddAdministratorAsync(practice));
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitFormAsync("admin/settings", new() { ["Input.TimeZone"] = zone })).StatusCode);
    }

    /// <summary>Waits until each practice's schedule row exists and was worked out in the zone given.</summary>
    private static Task<Dictionary<string, PracticeJobSchedule>> WaitForSchedulesAsync(PortalApplication app, params (string Practice, string Zone)[] expected)
        => Eventually.GetAsync(
            async () =>
            {
                var names = expected.Select(e => e.Practice).ToList();
                await using var db = await app.Get<IDbContextFactory<HostDbContext>>().CreateDbContextAsync();
                var rows = await db.PracticeJobSchedules.AsNoTracking()
                    .Where(s => s.JobType == NightlyJobHandler.JobType && names.Contains(s.Tenant))
                    .ToDictionaryAsync(s => s.Tenant, StringComparer.Ordinal);
                return expected.All(e => rows.TryGetValue(e.Practice, out var row) && row.TimeZone == e.Zone) ? rows : null;
            },
            what: "every practice to have its schedule in its zone");

    private static Task WaitForSucceededRunsAsync(PortalApplication app, TenantDescriptor practice, int count)
        => Eventually.TrueAsync(
            async () => (await JobsAsync(app, practice)).Count(j => j.State == JobState.Succeeded) >= count,
            what: $"{count} run(s) of {practice.Name} to succeed");

    /// <summary>Runs the scheduler's pass twice more, so that whatever it would still queue is in the queue.</summary>
    private static async Task PassesOnAsync(PortalApplication app)
    {
        var scheduler = app.Get<RecurringJobScheduler>();
        await scheduler.EnqueueDueAsync(default);
        await scheduler.EnqueueDueAsync(default);
    }

    private static async Task<List<JobRecord>> JobsAsync(PortalApplication app, TenantDescriptor practice)
    {
        await using var db = await app.Get<IDbContextFactory<HostDbContext>>().CreateDbContextAsync();
        return await db.Jobs.AsNoTracking().Where(j => j.Type == NightlyJobHandler.JobType && j.Tenant == practice.Name).OrderBy(j => j.CreatedAt).ToListAsync();
    }
}
