using System.Net;
using System.Text.Json;
using Portal.Core.Data;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Sync;

/// <summary>Per-practice rate limits on /api/v1 and the token endpoints, with tiny limits so one practice reaches them.</summary>
public sealed class SyncRateLimitTests
{
    [Theory, BothDatabases]
    public async Task A_practice_over_its_limit_gets_429_and_another_practice_does_not(DatabaseProvider provider)
    {
        await using var app = await PortalApplication.StartAsync(provider, o => o
            .Set("Portal:Sync:RateLimits:ApiRequests", "3")
            .Set("Portal:Sync:RateLimits:TokenRequests", "2")
            .Set("Portal:Sync:RateLimits:Window", "01:00:00"));
        var busy = await app.CreatePracticeAsync();
        var quiet = await app.CreatePracticeAsync();
        var busyProgram = app.ClientFor(busy);
        var quietProgram = app.ClientFor(quiet);

        // Token endpoints: the redemption and one refresh fit; the next refresh does not.
        var tokens = await SyncOAuth.LoginAsync(await app.SignedInClientAsync(busy, await app.AddAdministratorAsync(busy)), busyProgram);
        var (refreshed, rotated) = await SyncOAuth.RefreshAsync(busyProgram, tokens.GetProperty("refresh_token").GetString()!);
        Assert.Equal(HttpStatusCode.OK, refreshed);
        using (var limited = await busyProgram.PostAsync("connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["client_id"] = SyncOAuth.ClientId,
            ["refresh_token"] = rotated.GetProperty("refresh_token").GetString()!,
        })))
        {
            await AssertTooManyAsync(limited);
        }

        using (var device = await busyProgram.PostAsync("connect/device", new FormUrlEncodedContent(new Dictionary<string, string> { ["client_id"] = SyncOAuth.ClientId, ["scope"] = "sync" })))
        {
            await AssertTooManyAsync(device);
        }

        // The API: three calls fit, the fourth does not.
        var access = rotated.GetProperty("access_token").GetString()!;
        for (var i = 0; i < 3; i++)
        {
            using var ok = await SyncOAuth.WhoAmIAsync(busyProgram, access);
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }

        using (var limited = await SyncOAuth.WhoAmIAsync(busyProgram, access))
        {
            await AssertTooManyAsync(limited);
        }

        // The other practice has its own budgets.
        var quietTokens = await SyncOAuth.LoginAsync(await app.SignedInClientAsync(quiet, await app.AddAdministratorAsync(quiet)), quietProgram);
        using var quietCall = await SyncOAuth.WhoAmIAsync(quietProgram, quietTokens.GetProperty("access_token").GetString()!);
        Assert.Equal(HttpStatusCode.OK, quietCall.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SyncOAuth.RefreshAsync(quietProgram, quietTokens.GetProperty("refresh_token").GetString()!)).Status);
    }

    private static async Task AssertTooManyAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.True(response.Headers.RetryAfter?.Delta is { } wait && wait > TimeSpan.Zero, "Retry-After in seconds");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("https://portal.example/problems/too-many-requests", problem.GetProperty("type").GetString());
        Assert.Equal(429, problem.GetProperty("status").GetInt32());
    }
}
