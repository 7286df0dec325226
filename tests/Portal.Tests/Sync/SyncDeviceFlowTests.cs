using System.Net;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Audit.Data;
using Portal.Core.Data;
using Portal.Sync.Data;
using Portal.Sync.Services;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Sync;

/// <summary>
/// The device authorization grant (RFC 8628) for machines without a browser: the user code typed on the
/// practice admin's device page, the same consent, and the machine's polling (pending, slow_down, denied,
/// expired). Its own apps: these tests move their clock.
/// </summary>
public sealed class SyncDeviceFlowTests(ClassApps apps) : IClassFixture<ClassApps>
{
    [Theory, BothDatabases]
    public async Task A_machine_is_approved_by_typing_its_code_and_then_gets_tokens(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var practice = await app.CreatePracticeAsync();
        var admin = await app.AddAdministratorAsync(practice);
        var browser = await app.SignedInClientAsync(practice, admin);
        var program = app.ClientFor(practice);

        var grant = await SyncOAuth.DeviceAuthorizeAsync(program, "Server room <NAS>");
        var userCode = grant.GetProperty("user_code").GetString()!;
        var deviceCode = grant.GetProperty("device_code").GetString()!;
        Assert.Matches("^[BCDFGHJKLMNPQRSTVWXZ]{4}-[BCDFGHJKLMNPQRSTVWXZ]{4}$", userCode);
        Assert.Equal($"http://{practice.Name}.localhost/admin/connect/device", grant.GetProperty("verification_uri").GetString());
        Assert.InRange(grant.GetProperty("expires_in").GetInt32(), 500, 600);

        var (pendingStatus, pending) = await SyncOAuth.PollAsync(program, deviceCode);
        Assert.Equal(HttpStatusCode.BadRequest, pendingStatus);
        Assert.Equal("authorization_pending", SyncOAuth.Error(pending));

        // Typed in lower case without its dash: the same consent as the browser flow, and nothing approved yet.
        var (status, consent) = await SyncOAuth.TypeUserCodeAsync(browser, userCode.Replace("-", "", StringComparison.Ordinal).ToLowerInvariant());
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Portal Sync (desktop program)", consent.QuerySelector("[data-testid=consent-application]")!.TextContent);
        Assert.Equal("Server room <NAS>", consent.QuerySelector("[data-testid=consent-device]")!.TextContent);
        Assert.NotNull(consent.QuerySelector("[data-testid=consent-ip]")); // the machine's address; the test server has none
        Assert.Equal(2, consent.QuerySelectorAll("[data-testid=consent-abilities] li").Length);
        Assert.NotNull(consent.QuerySelector("[data-testid=consent-form] input[name=__RequestVerificationToken]"));
        Assert.Equal(0, await app.InPracticeAsync(practice, sp => sp.GetRequiredService<SyncDbContext>().Connections.CountAsync()));
        app.Clock.Advance(TimeSpan.FromSeconds(6));
        Assert.Equal("authorization_pending", SyncOAuth.Error((await SyncOAuth.PollAsync(program, deviceCode)).Body));

        using var approved = await DecideAsync(browser, consent, "approve");
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        Assert.EndsWith("/admin/connect/finished", approved.Headers.Location!.ToString(), StringComparison.Ordinal);
        var finished = await browser.GetDocumentAsync("admin/connect/finished");
        Assert.Contains("You approved Portal Sync (desktop program) on Server room <NAS>", finished.QuerySelector("[data-testid=finished-outcome]")!.TextContent, StringComparison.Ordinal);

        app.Clock.Advance(TimeSpan.FromSeconds(6));
        var (tokenStatus, tokens) = await SyncOAuth.PollAsync(program, deviceCode);
        Assert.True(tokenStatus == HttpStatusCode.OK, tokens.ToString());
        using var whoami = await SyncOAuth.WhoAmIAsync(program, tokens.GetProperty("access_token").GetString()!);
        Assert.Equal(HttpStatusCode.OK, whoami.StatusCode);
        Assert.Equal(admin.Id.ToString(), JsonDocument.Parse(await whoami.Content.ReadAsStringAsync()).RootElement.GetProperty("subject").GetString());
        var (refreshStatus, rotated) = await SyncOAuth.RefreshAsync(program, tokens.GetProperty("refresh_token").GetString()!);
        Assert.Equal(HttpStatusCode.OK, refreshStatus);

        var row = Assert.Single((await browser.GetDocumentAsync("admin/connected-apps")).QuerySelectorAll("[data-testid=connected-apps] tbody tr"));
        Assert.Contains("Server room <NAS>", row.TextContent, StringComparison.Ordinal);
        Assert.Contains(admin.Email!, row.TextContent, StringComparison.Ordinal);
        Assert.Equal("Active", row.QuerySelector("[data-testid=status]")!.TextContent.Trim());

        // Its tokens belong to the connection: Revoke on Connected apps refuses the next call.
        var access = rotated.GetProperty("access_token").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await SyncOAuth.WhoAmIAsync(program, access)).StatusCode);
        using (await browser.PostFormAsync((IHtmlFormElement)row.QuerySelector("form")!, [], "admin/connected-apps"))
        {
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await SyncOAuth.WhoAmIAsync(program, access)).StatusCode);

        // The device code is spent, and the user code with it.
        app.Clock.Advance(TimeSpan.FromSeconds(6));
        Assert.Equal("invalid_grant", SyncOAuth.Error((await SyncOAuth.PollAsync(program, deviceCode)).Body));
        Assert.Equal(HttpStatusCode.BadRequest, (await SyncOAuth.TypeUserCodeAsync(browser, userCode)).Status);
        Assert.Contains(SyncAuditActions.Revoked, await AuditedAsync(app, practice));
        Assert.Contains(SyncAuditActions.Approved, await AuditedAsync(app, practice));
    }

    [Theory, BothDatabases]
    public async Task Deny_answers_the_polling_machine_access_denied(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var practice = await app.CreatePracticeAsync();
        var browser = await app.SignedInClientAsync(practice, await app.AddAdministratorAsync(practice));
        var program = app.ClientFor(practice);
        var grant = await SyncOAuth.DeviceAuthorizeAsync(program, "Unknown box");

        var (_, consent) = await SyncOAuth.TypeUserCodeAsync(browser, grant.GetProperty("user_code").GetString()!);
        using var denied = await DecideAsync(browser, consent, "deny");
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        Assert.EndsWith("/admin/connect/finished", denied.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.Contains("You denied Portal Sync (desktop program) on Unknown box", (await browser.GetDocumentAsync("admin/connect/finished")).QuerySelector("[data-testid=finished-outcome]")!.TextContent, StringComparison.Ordinal);

        var (status, body) = await SyncOAuth.PollAsync(program, grant.GetProperty("device_code").GetString()!);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("access_denied", SyncOAuth.Error(body));
        Assert.Equal(0, await app.InPracticeAsync(practice, sp => sp.GetRequiredService<SyncDbContext>().Connections.CountAsync()));
        Assert.Contains(SyncAuditActions.Denied, await AuditedAsync(app, practice));
    }

    [Theory, BothDatabases]
    public async Task Polling_sooner_than_the_interval_is_told_to_slow_down_and_the_interval_grows(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var practice = await app.CreatePracticeAsync();
        var program = app.ClientFor(practice);
        var deviceCode = (await SyncOAuth.DeviceAuthorizeAsync(program)).GetProperty("device_code").GetString()!;

        Assert.Equal("authorization_pending", SyncOAuth.Error((await SyncOAuth.PollAsync(program, deviceCode)).Body));
        Assert.Equal("slow_down", SyncOAuth.Error((await SyncOAuth.PollAsync(program, deviceCode)).Body));

        // The interval is now 10 seconds: 6 is too soon (and makes it 15); 16 more is enough.
        app.Clock.Advance(TimeSpan.FromSeconds(6));
        Assert.Equal("slow_down", SyncOAuth.Error((await SyncOAuth.PollAsync(program, deviceCode)).Body));
        app.Clock.Advance(TimeSpan.FromSeconds(16));
        Assert.Equal("authorization_pending", SyncOAuth.Error((await SyncOAuth.PollAsync(program, deviceCode)).Body));
    }

    [Theory, BothDatabases]
    public async Task A_code_nobody_answered_expires(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var practice = await app.CreatePracticeAsync();
        var admin = await app.AddAdministratorAsync(practice);
        var program = app.ClientFor(practice);
        var grant = await SyncOAuth.DeviceAuthorizeAsync(program);

        app.Clock.Advance(SyncServer.DeviceCodeLifetime + TimeSpan.FromMinutes(1));
        var (status, body) = await SyncOAuth.PollAsync(program, grant.GetProperty("device_code").GetString()!);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("expired_token", SyncOAuth.Error(body));

        var (typedStatus, page) = await SyncOAuth.TypeUserCodeAsync(await app.SignedInClientAsync(practice, admin), grant.GetProperty("user_code").GetString()!);
        Assert.Equal(HttpStatusCode.BadRequest, typedStatus);
        Assert.Null(page.QuerySelector("[data-testid=consent-form]"));
        Assert.Contains("No device is waiting for that code", page.QuerySelector("[data-testid=user-code-error]")!.TextContent, StringComparison.Ordinal);
    }

    [Theory, BothDatabases]
    public async Task Wrong_codes_are_limited_per_person_and_per_waiting_code(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var practice = await app.CreatePracticeAsync();
        var first = await app.SignedInClientAsync(practice, await app.AddAdministratorAsync(practice));
        var second = await app.SignedInClientAsync(practice, await app.AddAdministratorAsync(practice));
        var third = await app.SignedInClientAsync(practice, await app.AddAdministratorAsync(practice));
        var program = app.ClientFor(practice);
        var grant = await SyncOAuth.DeviceAuthorizeAsync(program);
        var userCode = grant.GetProperty("user_code").GetString()!;
        var wrong = WrongCode(userCode);

        for (var i = 0; i < UserCodeAttempts.PerUser; i++)
        {
            var (status, page) = await SyncOAuth.TypeUserCodeAsync(first, wrong);
            Assert.Equal(HttpStatusCode.BadRequest, status);
            Assert.Null(page.QuerySelector("[data-testid=consent-form]"));
        }

        // The first person is stopped, even with the right code; someone else is not.
        var (blocked, blockedPage) = await SyncOAuth.TypeUserCodeAsync(first, userCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, blocked);
        Assert.Null(blockedPage.QuerySelector("[data-testid=consent-form]"));
        Assert.Contains("Too many codes", blockedPage.QuerySelector("[data-testid=user-code-error]")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull((await SyncOAuth.TypeUserCodeAsync(second, userCode)).Page.QuerySelector("[data-testid=consent-form]"));

        // Wrong codes from everyone count against the waiting code: at the limit it is refused for good.
        for (var i = UserCodeAttempts.PerUser; i < UserCodeAttempts.PerCode; i++)
        {
            Assert.Equal(HttpStatusCode.BadRequest, (await SyncOAuth.TypeUserCodeAsync(second, wrong)).Status);
        }

        var (refused, refusedPage) = await SyncOAuth.TypeUserCodeAsync(third, userCode);
        Assert.Equal(HttpStatusCode.BadRequest, refused);
        Assert.Null(refusedPage.QuerySelector("[data-testid=consent-form]"));
        Assert.Equal("access_denied", SyncOAuth.Error((await SyncOAuth.PollAsync(program, grant.GetProperty("device_code").GetString()!)).Body));
    }

    private static async Task<HttpResponseMessage> DecideAsync(HttpClient browser, IHtmlDocument consent, string decision)
    {
        var form = consent.QuerySelector<IHtmlFormElement>("[data-testid=consent-form]") ?? throw new InvalidOperationException("No consent form.");
        return await browser.PostFormAsync(form, new() { ["decision"] = decision }, "admin/connect/device");
    }

    /// <summary>Another code of the same shape (the last character changed).</summary>
    private static string WrongCode(string code)
        => code[..^1] + UserCodes.Charset[(UserCodes.Charset.IndexOf(code[^1], StringComparison.Ordinal) + 1) % UserCodes.Charset.Length];

    private static Task<List<string>> AuditedAsync(PortalApplication app, Portal.Core.Tenancy.TenantDescriptor practice)
        => app.InPracticeAsync(practice, sp => sp.GetRequiredService<AuditDbContext>().Events.AsNoTracking().Select(e => e.Action).ToListAsync());
}
