using System.Security.Cryptography;
using System.Text;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Data;
using Portal.Core.Jobs;
using Portal.Sync.Data;
using Portal.Sync.Services;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Sync;

/// <summary>The daily pruning job: spent and revoked tokens and ended connections go; live ones stay; a connection's use is noted. Its own apps: it moves the clock.</summary>
public sealed class SyncPruneTests(ClassApps apps) : IClassFixture<ClassApps>
{
    [Theory, BothDatabases]
    public async Task The_daily_job_removes_revoked_and_spent_tokens_and_keeps_live_ones(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var practice = await app.CreatePracticeAsync();
        var browser = await app.SignedInClientAsync(practice, await app.AddAdministratorAsync(practice));
        var program = app.ClientFor(practice);
        var kept = await SyncOAuth.LoginAsync(browser, program, device: "Kept PC");
        var revoked = await SyncOAuth.LoginAsync(browser, program, device: "Old PC");

        // Kept rotates once (its first refresh token is spent); Old PC is revoked on Connected apps.
        var (_, rotated) = await SyncOAuth.RefreshAsync(program, kept.GetProperty("refresh_token").GetString()!);
        var list = await browser.GetDocumentAsync("admin/connected-apps");
        var row = list.QuerySelectorAll("[data-testid=connected-apps] tbody tr").Single(r => r.TextContent.Contains("Old PC", StringComparison.Ordinal));
        using (await browser.PostFormAsync((IHtmlFormElement)row.QuerySelector("form")!, [], "admin/connected-apps"))
        {
        }

        var spentRefresh = Hash(kept.GetProperty("refresh_token").GetString()!);
        var revokedRefresh = Hash(revoked.GetProperty("refresh_token").GetString()!);
        var liveRefresh = Hash(rotated.GetProperty("refresh_token").GetString()!);
        Assert.Equal(3, await CountAsync(app, practice, spentRefresh, revokedRefresh, liveRefresh));

        // Nothing is old enough yet.
        await RunAsync(app, practice);
        Assert.Equal(3, await CountAsync(app, practice, spentRefresh, revokedRefresh, liveRefresh));

        app.Clock.Advance(SyncPruneHandler.Retention + TimeSpan.FromDays(1));
        await RunAsync(app, practice);
        Assert.Equal(0, await CountAsync(app, practice, spentRefresh, revokedRefresh));
        Assert.Equal(1, await CountAsync(app, practice, liveRefresh));
        var connections = await app.InPracticeAsync(practice, sp => sp.GetRequiredService<SyncDbContext>().Connections.AsNoTracking().Select(c => c.DeviceName).ToListAsync());
        Assert.Equal(["Kept PC"], connections);

        // The kept program carries on.
        var (status, next) = await SyncOAuth.RefreshAsync(program, rotated.GetProperty("refresh_token").GetString()!);
        Assert.True(status == System.Net.HttpStatusCode.OK, next.ToString());
    }

    [Theory, BothDatabases]
    public async Task A_connections_use_is_written_once_a_minute_per_address(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var practice = await app.CreatePracticeAsync();
        var browser = await app.SignedInClientAsync(practice, await app.AddAdministratorAsync(practice));
        await SyncOAuth.LoginAsync(browser, app.ClientFor(practice), device: "Used PC");
        var id = await app.InPracticeAsync(practice, sp => sp.GetRequiredService<SyncDbContext>().Connections.Where(c => c.DeviceName == "Used PC").Select(c => c.AuthorizationId).SingleAsync());
        Task TouchAsync(string ip) => app.InPracticeAsync(practice, sp => sp.GetRequiredService<ConnectedApps>().TouchAsync(id, ip, default));
        Task<(DateTime? At, string? Ip)> UseAsync() => app.InPracticeAsync(practice, async sp => await sp.GetRequiredService<SyncDbContext>().Connections.AsNoTracking()
            .Where(c => c.AuthorizationId == id).Select(c => new ValueTuple<DateTime?, string?>(c.LastUsedAt, c.LastUsedFromIp)).SingleAsync());

        await TouchAsync("192.0.2.1");
        var first = await UseAsync();
        Assert.Equal("192.0.2.1", first.Ip);

        // Within the minute, from the same address: nothing is written.
        app.Clock.Advance(TimeSpan.FromSeconds(30));
        await TouchAsync("192.0.2.1");
        Assert.Equal(first, await UseAsync());

        // Another address is written at once; past the minute, the same one is written again.
        await TouchAsync("192.0.2.2");
        var moved = await UseAsync();
        Assert.Equal("192.0.2.2", moved.Ip);
        Assert.True(moved.At > first.At);
        app.Clock.Advance(ConnectedApps.LastUsedResolution + TimeSpan.FromSeconds(1));
        await TouchAsync("192.0.2.2");
        Assert.True((await UseAsync()).At > moved.At);
    }

    private static Task RunAsync(PortalApplication app, Portal.Core.Tenancy.TenantDescriptor practice)
        => app.InPracticeAsync(practice, sp => sp.GetRequiredService<SyncPruneHandler>().ExecuteAsync(new ScheduledRun(app.Clock.GetUtcNow().UtcDateTime), new JobContext(Guid.NewGuid(), practice.Name, "{}", 1, 1), default));

    private static Task<int> CountAsync(PortalApplication app, Portal.Core.Tenancy.TenantDescriptor practice, params string[] referenceIds)
        => app.InPracticeAsync(practice, sp => sp.GetRequiredService<SyncDbContext>().Tokens.CountAsync(t => referenceIds.Contains(t.ReferenceId!)));

    private static string Hash(string token) => Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
