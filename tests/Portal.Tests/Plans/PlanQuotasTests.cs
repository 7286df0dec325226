using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Contracts;
using Portal.Core.Data;
using Portal.Core.Settings;
using Portal.Core.Tenancy;
using Portal.Plans.Data;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Plans;

/// <summary>
/// The quota rule (docs/architecture.md, "Plans and quotas"): without a plan, a practice's first
/// Portal:Plans:FreePaymentRequests secure payment requests in total; with a plan, the plan's number per
/// calendar month of the practice's time zone, free allowance not on top. Consumes are atomic and
/// idempotent per reference; a release gives the unit back.
/// </summary>
public sealed class PlanQuotasTests(ClassApps apps) : IClassFixture<ClassApps>
{
    private const PlanQuota Requests = PlanQuota.SecurePaymentRequests;

    [Theory, BothDatabases]
    public async Task The_free_allowance_refuses_the_sixth_request_before_and_at_sending_with_a_message_naming_the_limit(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var practice = await app.CreatePracticeAsync();

        var before = await QuotasAsync(app, practice, q => q.GetAsync(Requests));
        Assert.Equal((true, 0, 5), (before.Allowed, before.Used, before.Limit));
        for (var i = 1; i <= 5; i++)
        {
            var consumed = await ConsumeAsync(app, practice, $"request-{i}");
            Assert.True(consumed.Allowed, consumed.Refusal);
            Assert.Equal(i, consumed.Used);
        }

        // What a compose page asks before anything is typed.
        var atLimit = await QuotasAsync(app, practice, q => q.GetAsync(Requests));
        Assert.False(atLimit.Allowed);
        Assert.Contains("5 free secure payment requests", atLimit.Refusal, StringComparison.Ordinal);

        var sixth = await ConsumeAsync(app, practice, "request-6");
        Assert.False(sixth.Allowed);
        Assert.Equal((5, 5), (sixth.Used, sixth.Limit));
        Assert.Contains("5 free secure payment requests", sixth.Refusal, StringComparison.Ordinal);
        Assert.Equal(5, await UsageRowsAsync(app, practice));

        // Another practice has its own allowance.
        var other = await app.CreatePracticeAsync();
        Assert.True((await ConsumeAsync(app, other, "request-1")).Allowed);
    }

    [Theory, BothDatabases]
    public async Task A_retry_of_the_same_reference_is_counted_once_and_a_release_gives_the_unit_back(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var practice = await app.CreatePracticeAsync();

        Assert.Equal(1, (await ConsumeAsync(app, practice, "same")).Used);
        var retry = await ConsumeAsync(app, practice, "same");
        Assert.True(retry.Allowed);
        Assert.Equal(1, retry.Used);
        Assert.Equal(1, await UsageRowsAsync(app, practice));

        for (var i = 2; i <= 5; i++)
        {
            Assert.True((await ConsumeAsync(app, practice, $"r{i}")).Allowed);
        }

        // At the limit, a retry of a reference already counted still passes (the send it belongs to was allowed).
        Assert.True((await ConsumeAsync(app, practice, "same")).Allowed);
        Assert.False((await ConsumeAsync(app, practice, "new")).Allowed);

        await QuotasAsync(app, practice, async q => { await q.ReleaseAsync(Requests, "r5"); return 0; });
        await QuotasAsync(app, practice, async q => { await q.ReleaseAsync(Requests, "r5"); return 0; });
        await QuotasAsync(app, practice, async q => { await q.ReleaseAsync(Requests, "never-consumed"); return 0; });
        Assert.Equal(4, (await QuotasAsync(app, practice, q => q.GetAsync(Requests))).Used);

        var afterRelease = await ConsumeAsync(app, practice, "new");
        Assert.True(afterRelease.Allowed, afterRelease.Refusal);
        Assert.Equal(5, afterRelease.Used);
        Assert.False((await ConsumeAsync(app, practice, "newer")).Allowed);
    }

    [Theory, BothDatabases]
    public async Task Of_many_parallel_consumes_for_the_last_unit_exactly_one_passes(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var practice = await app.CreatePracticeAsync();
        for (var i = 1; i <= 4; i++)
        {
            Assert.True((await ConsumeAsync(app, practice, $"before-{i}")).Allowed);
        }

        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var racers = Enumerable.Range(0, 16).Select(i => Task.Run(async () =>
        {
            await start.Task;
            return await ConsumeAsync(app, practice, $"racer-{i}");
        })).ToList();
        start.SetResult();
        var results = await Task.WhenAll(racers);

        Assert.Single(results, r => r.Allowed);
        Assert.All(results.Where(r => !r.Allowed), r => Assert.Contains("5 free", r.Refusal, StringComparison.Ordinal));
        Assert.Equal(5, (await QuotasAsync(app, practice, q => q.GetAsync(Requests))).Used);
        Assert.Equal(5, await UsageRowsAsync(app, practice));
    }

    [Theory, BothDatabases]
    public async Task Parallel_retries_of_one_reference_count_once(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var practice = await app.CreatePracticeAsync();

        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var racers = Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            await start.Task;
            return await ConsumeAsync(app, practice, "one-send");
        })).ToList();
        start.SetResult();
        var results = await Task.WhenAll(racers);

        Assert.All(results, r => Assert.True(r.Allowed, r.Refusal));
        Assert.Equal(1, (await QuotasAsync(app, practice, q => q.GetAsync(Requests))).Used);
        Assert.Equal(1, await UsageRowsAsync(app, practice));
    }

    [Theory, BothDatabases]
    public async Task A_plan_counts_per_month_of_the_practice_time_zone_and_the_next_month_starts_again(DatabaseProvider provider)
    {
        await using var app = await PortalApplication.StartAsync(provider);
        var practice = await app.CreatePracticeAsync();
        await app.InPracticeAsync(practice, sp => sp.GetRequiredService<SiteSettingsStore>().SaveAsync(new SiteSettings { TimeZone = "America/Toronto" }));
        await app.AssignPlanAsync(practice, await app.CreatePlanAsync(requestsPerMonth: 2));

        // 23:30 on 31 January in Toronto is already February in UTC: the month is the practice's.
        app.Clock.Freeze(new DateTimeOffset(2027, 2, 1, 4, 30, 0, TimeSpan.Zero));
        Assert.Equal((true, 0, 2), await StatusAsync(app, practice));
        Assert.True((await ConsumeAsync(app, practice, "jan-1")).Allowed);
        Assert.True((await ConsumeAsync(app, practice, "jan-2")).Allowed);
        var refused = await ConsumeAsync(app, practice, "jan-3");
        Assert.False(refused.Allowed);
        Assert.Contains("allows 2 secure payment requests a month", refused.Refusal, StringComparison.Ordinal);
        Assert.Contains("January 2027", refused.Refusal, StringComparison.Ordinal);
        Assert.Contains("1 February 2027", refused.Refusal, StringComparison.Ordinal);

        app.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal((true, 0, 2), await StatusAsync(app, practice));
        var february = await ConsumeAsync(app, practice, "feb-1");
        Assert.True(february.Allowed, february.Refusal);
        Assert.Equal(1, february.Used);

        // Releasing January's unit in February gives it back to January, not to February.
        await QuotasAsync(app, practice, async q => { await q.ReleaseAsync(Requests, "jan-2"); return 0; });
        Assert.Equal((true, 1, 2), await StatusAsync(app, practice));
    }

    [Theory, BothDatabases]
    public async Task A_plan_replaces_the_free_allowance_and_an_unlimited_plan_never_refuses(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var practice = await app.CreatePracticeAsync();
        for (var i = 1; i <= 5; i++)
        {
            Assert.True((await ConsumeAsync(app, practice, $"free-{i}")).Allowed);
        }

        Assert.False((await ConsumeAsync(app, practice, "free-6")).Allowed);
        await app.AssignPlanAsync(practice, await app.CreatePlanAsync(requestsPerMonth: null));
        for (var i = 1; i <= 8; i++)
        {
            var consumed = await ConsumeAsync(app, practice, $"plan-{i}");
            Assert.True(consumed.Allowed, consumed.Refusal);
            Assert.Null(consumed.Limit);
        }

        // Back to no plan: the free allowance is still used up.
        await app.AssignPlanAsync(practice, null);
        Assert.False((await ConsumeAsync(app, practice, "free-7")).Allowed);
    }

    [Theory, BothDatabases]
    public async Task The_free_allowance_is_a_setting(DatabaseProvider provider)
    {
        await using var app = await PortalApplication.StartAsync(provider, o => o.Set("Portal:Plans:FreePaymentRequests", "1"));
        var practice = await app.CreatePracticeAsync();
        Assert.True((await ConsumeAsync(app, practice, "first")).Allowed);
        var second = await ConsumeAsync(app, practice, "second");
        Assert.False(second.Allowed);
        Assert.Contains("its 1 free secure payment request.", second.Refusal, StringComparison.Ordinal);
    }

    private static async Task<(bool, int, int?)> StatusAsync(PortalApplication app, TenantDescriptor practice)
    {
        var status = await QuotasAsync(app, practice, q => q.GetAsync(Requests));
        return (status.Allowed, status.Used, status.Limit);
    }

    private static Task<QuotaStatus> ConsumeAsync(PortalApplication app, TenantDescriptor practice, string reference)
        => QuotasAsync(app, practice, q => q.TryConsumeAsync(Requests, reference));

    private static Task<T> QuotasAsync<T>(PortalApplication app, TenantDescriptor practice, Func<IPlanQuotas, Task<T>> work)
        => app.InPracticeAsync(practice, sp => work(sp.GetRequiredService<IPlanQuotas>()));

    private static async Task<int> UsageRowsAsync(PortalApplication app, TenantDescriptor practice)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var id = app.Get<TenantRegistry>().Find(practice.Name)!.Id;
        return await scope.ServiceProvider.GetRequiredService<PlansDbContext>().QuotaUsages.CountAsync(u => u.TenantId == id);
    }
}
